//! PDF documents: the fonts, a pure layout shared with the in-app preview, the letter on the
//! company letterhead, and the renderer.

pub mod courier;
pub mod fonts;
pub mod justify;
pub mod layout;
pub mod letter;
pub mod render;
pub mod report;
pub mod table;

pub use layout::{Document, Item, Meta, Page, TextRun};
pub use letter::{Company, LetterContent, layout_letter};
pub use render::{PdfError, render_pdf};
