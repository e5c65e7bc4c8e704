//! The letter fonts (PT Serif, ParaType Free Font License): parsed once, measured by the layout,
//! subset per document by the renderer.

use std::collections::HashMap;
use std::sync::OnceLock;

use printpdf::ParsedFont;

/// Regular or bold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// One face: its bytes, the PostScript name the PDF shows, and advance widths.
pub struct Face {
    pub bytes: &'static [u8],
    pub ps_name: &'static str,
    units_per_em: f32,
    /// char → advance in font units; only characters the font has.
    advances: HashMap<char, u16>,
    /// char → glyph id in the full font.
    glyphs: HashMap<char, u16>,
}

impl Face {
    fn load(bytes: &'static [u8], ps_name: &'static str) -> Face {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut warnings);
        let mut advances = HashMap::new();
        let mut glyphs = HashMap::new();
        let mut units_per_em = 1000.0;
        if let Some(p) = parsed {
            units_per_em = f32::from(p.units_per_em.max(1));
            for (&cp, &gid) in &p.codepoint_to_glyph {
                if let (Some(c), Some(w)) = (char::from_u32(cp), p.get_glyph_width(gid))
                    && gid != 0
                {
                    advances.insert(c, w);
                    glyphs.insert(c, gid);
                }
            }
        }
        Face {
            bytes,
            ps_name,
            units_per_em,
            advances,
            glyphs,
        }
    }

    /// The glyph id of a character in the full font.
    pub fn glyph(&self, c: char) -> Option<u16> {
        self.glyphs.get(&c).copied()
    }

    pub fn has_glyph(&self, c: char) -> bool {
        c == '\n' || self.advances.contains_key(&c)
    }

    /// Advance of one character at `size` pt, in pt.
    pub fn advance(&self, c: char, size: f32) -> f32 {
        f32::from(self.advances.get(&c).copied().unwrap_or(0)) * size / self.units_per_em
    }

    /// Width of a text at `size` pt, in pt (no kerning: the renderer draws the same advances).
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c, size)).sum()
    }
}

pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub fn face(&self, w: Weight) -> &Face {
        match w {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// Characters of `text` that the fonts cannot draw (they would print as empty boxes).
    pub fn missing_glyphs(&self, text: &str) -> Vec<char> {
        let mut out: Vec<char> = text
            .chars()
            .filter(|c| !c.is_control() && !self.regular.has_glyph(*c))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

pub const SERIF_REGULAR: &[u8] = include_bytes!("../../fonts/PTSerif-Regular.ttf");
pub const SERIF_BOLD: &[u8] = include_bytes!("../../fonts/PTSerif-Bold.ttf");

/// The fonts, parsed on first use.
pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts {
        regular: Face::load(SERIF_REGULAR, "PTSerif-Regular"),
        bold: Face::load(SERIF_BOLD, "PTSerif-Bold"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serif_has_the_russian_office_characters() {
        let f = fonts();
        assert!(f.missing_glyphs("Ёлочки «» № ₽ — – … ё\u{a0}").is_empty());
        assert_eq!(f.missing_glyphs("☃"), vec!['☃']);
        let w = f.regular.width("Уважаемый", 12.0);
        assert!(w > 40.0 && w < 80.0, "{w}");
        assert!(f.bold.width("Уважаемый", 12.0) > w);
    }
}
