//! PNG decoding to RGBA, shared by the PDF renderer and the screens (signature, logo, preview).

/// An image as 8-bit RGBA rows.
pub struct Rgba {
    pub width: usize,
    pub height: usize,
    pub data: Vec<u8>,
}

/// Why bytes did not decode as a PNG.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error("not a PNG image: {0}")]
    Decode(#[from] png::DecodingError),
    #[error("the image is too large: {width}×{height}")]
    TooLarge { width: u32, height: u32 },
    #[error("a palette PNG was not expanded")]
    Palette,
}

/// The largest side of an image the program decodes: a logo or a signature never needs more,
/// and a 20 000 × 20 000 image would take gigabytes to decode.
pub const MAX_SIDE: u32 = 8000;
/// The most pixels of an image the program decodes (100 MB of RGBA).
pub const MAX_PIXELS: u64 = 25_000_000;

/// Decodes a PNG of any colour type except palette (expanded by the decoder) to RGBA. An image
/// over [`MAX_SIDE`] or [`MAX_PIXELS`] is refused from its header, before anything is allocated.
pub fn decode_png(bytes: &[u8]) -> Result<Rgba, PngError> {
    let mut dec = png::Decoder::new(std::io::Cursor::new(bytes));
    dec.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = dec.read_info()?;
    let (width, height) = (reader.info().width, reader.info().height);
    if width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PngError::TooLarge { width, height });
    }
    let size = reader
        .output_buffer_size()
        .ok_or(PngError::TooLarge { width, height })?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf)?;
    let data = &buf[..info.buffer_size()];
    let data: Vec<u8> = match info.color_type {
        png::ColorType::Rgba => data.to_vec(),
        png::ColorType::Rgb => data
            .chunks(3)
            .flat_map(|c| [c[0], c[1], c[2], 255])
            .collect(),
        png::ColorType::GrayscaleAlpha => data
            .chunks(2)
            .flat_map(|c| [c[0], c[0], c[0], c[1]])
            .collect(),
        png::ColorType::Grayscale => data.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        png::ColorType::Indexed => return Err(PngError::Palette),
    };
    Ok(Rgba {
        width: info.width as usize,
        height: info.height as usize,
        data,
    })
}

/// Width and height in pixels, read from the header only.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let reader = png::Decoder::new(std::io::Cursor::new(bytes))
        .read_info()
        .ok()?;
    let i = reader.info();
    Some((i.width, i.height))
}

#[cfg(test)]
mod tests {
    #[test]
    fn demo_signature_decodes() {
        let png = crate::demo::demo_signature_png(1);
        let img = super::decode_png(&png).expect("decodes");
        assert_eq!((img.width, img.height), (240, 80));
        assert_eq!(img.data.len(), 240 * 80 * 4);
        assert_eq!(super::png_size(&png), Some((240, 80)));
        assert!(super::decode_png(b"not a png").is_err());
    }
}
