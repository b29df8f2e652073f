//! Markers as textured quads: anti-aliased discs and rings pre-drawn once per pixel
//! density into one texture, so a marker costs two quads (8 vertices) instead of the
//! ~350 vertices of a tessellated, feathered circle with its outline. A year of news
//! puts thousands of markers on the map, and copying their vertices every frame was
//! most of a frame's time (egui's own pre-rasterised discs work the same way, but stop
//! at 8 px). Markers above [`MAX_RADIUS_PX`] are tessellated as before.
//!
//! This is how briefing images and renderers other than the window's wgpu draw markers;
//! the window draws them with its own shader (`gpu_mesh`), one quad per marker.

use egui::epaint::{Mesh, TextureHandle};
use egui::{Color32, ColorImage, Context, Pos2, Rect, TextureOptions, pos2, vec2};
use std::sync::Arc;

/// Largest radius, in physical pixels, the atlas holds; bigger markers are few and are
/// tessellated as usual.
pub const MAX_RADIUS_PX: f32 = 64.0;
/// Radii step, in physical pixels.
const STEP_PX: f32 = 0.5;
/// Up to this radius, in physical pixels, sprites come every [`STEP_PX`]; above it,
/// each is [`RATIO`] times the one before (a sprite is scaled by at most 2% then,
/// which no eye sees, and the atlas is a third of the size).
const FINE_UNTIL_PX: f32 = 8.0;
const RATIO: f32 = 1.04;
const ATLAS_WIDTH: usize = 1024;

/// Where one shape of one radius sits in the atlas.
#[derive(Clone, Copy, Debug)]
struct Sprite {
    uv: Rect,
    /// Side of the sprite in physical pixels (the disc is centred in it).
    side_px: f32,
}

/// The texture and its sprites for one pixel density.
#[derive(Clone)]
pub struct MarkerAtlas {
    texture: TextureHandle,
    pixels_per_point: f32,
    /// The radii, in physical pixels, the sprites were drawn for (ascending).
    radii: Vec<f32>,
    discs: Vec<Sprite>,
    thin_rings: Vec<Sprite>,
    thick_rings: Vec<Sprite>,
}

/// Which sprite to draw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A filled disc.
    Disc,
    /// A ring one point wide, centred on the radius.
    ThinRing,
    /// A ring two points wide, centred on the radius.
    ThickRing,
}

impl MarkerAtlas {
    /// The atlas for the context's pixel density, made (and uploaded) on first use and
    /// kept in the context's memory.
    pub fn get(ctx: &Context) -> Arc<Self> {
        let ppp = ctx.pixels_per_point();
        let id = egui::Id::unique("dateline-marker-atlas");
        if let Some(atlas) = ctx.data(|d| d.get_temp::<Arc<Self>>(id))
            && (atlas.pixels_per_point - ppp).abs() < f32::EPSILON
        {
            return atlas;
        }
        let atlas = Arc::new(Self::build(ctx, ppp));
        ctx.data_mut(|d| d.insert_temp(id, atlas.clone()));
        atlas
    }

    fn build(ctx: &Context, ppp: f32) -> Self {
        let radii = sprite_radii();
        let shapes = [None, Some(ppp), Some(2.0 * ppp)];
        // Pack first, so the texture is only as tall as its sprites need.
        let mut packer = Packer::default();
        let places: Vec<Vec<(usize, usize, usize)>> = shapes
            .iter()
            .map(|ring| {
                radii
                    .iter()
                    .map(|&r| {
                        let side = sprite_side(r, *ring);
                        let (x, y) = packer.place(side);
                        (x, y, side)
                    })
                    .collect()
            })
            .collect();
        let height = packer.y + packer.row;
        let mut image = ColorImage::filled([ATLAS_WIDTH, height], Color32::TRANSPARENT);
        let mut sprites: Vec<Vec<Sprite>> = Vec::with_capacity(shapes.len());
        for (ring, places) in shapes.iter().zip(&places) {
            let drawn = radii.iter().zip(places);
            sprites.push(
                drawn
                    .map(|(&r, &at)| draw(&mut image, at, r, *ring))
                    .collect(),
            );
        }
        let [discs, thin_rings, thick_rings]: [Vec<Sprite>; 3] =
            sprites.try_into().unwrap_or_default();
        let texture = ctx.load_texture("marker-atlas", image, TextureOptions::LINEAR);
        Self {
            texture,
            pixels_per_point: ppp,
            radii,
            discs,
            thin_rings,
            thick_rings,
        }
    }

    /// True when a marker of `radius` points fits the atlas.
    pub fn holds(&self, radius: f32) -> bool {
        radius * self.pixels_per_point <= MAX_RADIUS_PX
    }

    /// An empty mesh on the atlas texture.
    pub fn mesh(&self) -> Mesh {
        Mesh::with_texture(self.texture.id())
    }

    /// Adds a sprite of `radius` points at `center`, tinted `color`.
    pub fn add(&self, mesh: &mut Mesh, kind: Kind, center: Pos2, radius: f32, color: Color32) {
        let sprites = match kind {
            Kind::Disc => &self.discs,
            Kind::ThinRing => &self.thin_rings,
            Kind::ThickRing => &self.thick_rings,
        };
        let r_px = radius * self.pixels_per_point;
        // The drawn radius nearest to r_px (by ratio, so big sprites scale the least).
        let above = self.radii.partition_point(|&r| r < r_px);
        let i = match (above.checked_sub(1), self.radii.get(above)) {
            (Some(below), Some(&up)) if r_px / self.radii[below] < up / r_px => below,
            (Some(below), None) => below,
            _ => above,
        };
        let (Some(sprite), Some(&drawn_r)) = (sprites.get(i), self.radii.get(i)) else {
            return;
        };
        // The sprite was drawn for radius drawn_r; scale it to the exact radius.
        let side = sprite.side_px * (r_px / drawn_r) / self.pixels_per_point;
        mesh.add_rect_with_uv(
            Rect::from_center_size(center, vec2(side, side)),
            sprite.uv,
            color,
        );
    }
}

/// Shelf packing of square sprites into the atlas.
#[derive(Default)]
struct Packer {
    x: usize,
    y: usize,
    row: usize,
}

impl Packer {
    fn place(&mut self, side: usize) -> (usize, usize) {
        if self.x + side > ATLAS_WIDTH {
            self.x = 0;
            self.y += self.row + 1;
            self.row = 0;
        }
        let at = (self.x, self.y);
        self.x += side + 1;
        self.row = self.row.max(side);
        at
    }
}

/// The radii, in physical pixels, sprites are drawn for: every [`STEP_PX`] up to
/// [`FINE_UNTIL_PX`], then growing by [`RATIO`] up to [`MAX_RADIUS_PX`].
fn sprite_radii() -> Vec<f32> {
    let mut radii = Vec::new();
    let mut r = STEP_PX;
    while r <= FINE_UNTIL_PX + 0.001 {
        radii.push(r);
        r += STEP_PX;
    }
    let mut r = FINE_UNTIL_PX;
    while r < MAX_RADIUS_PX - 0.001 {
        r = (r * RATIO).min(MAX_RADIUS_PX);
        radii.push(r);
    }
    radii
}

/// Side, in pixels, of the square sprite of radius `r` (with a ring of `ring` pixels):
/// the disc plus its anti-aliased edge.
fn sprite_side(r: f32, ring: Option<f32>) -> usize {
    let outer = r + ring.map_or(0.0, |w| w / 2.0);
    #[expect(clippy::cast_sign_loss, reason = "radii are positive")]
    let half = (outer + 1.5).ceil().max(1.0) as usize;
    2 * half
}

/// Draws a white disc (or a ring of `ring` pixels wide centred on the radius) of radius
/// `r` pixels, anti-aliased over one pixel, into the square of side `side` at `(x0, y0)`,
/// and returns its sprite.
fn draw(
    image: &mut ColorImage,
    (x0, y0, side): (usize, usize, usize),
    r: f32,
    ring: Option<f32>,
) -> Sprite {
    let outer = r + ring.map_or(0.0, |w| w / 2.0);
    let half = side / 2;
    let c = half as f32;
    for dy in 0..side {
        for dx in 0..side {
            let d = ((dx as f32 + 0.5 - c).powi(2) + (dy as f32 + 0.5 - c).powi(2)).sqrt();
            let coverage = match ring {
                None => (r + 0.5 - d).clamp(0.0, 1.0),
                Some(w) => {
                    let inner = r - w / 2.0;
                    (outer + 0.5 - d).clamp(0.0, 1.0) * (d - inner + 0.5).clamp(0.0, 1.0)
                }
            };
            if coverage > 0.0
                && let Some(px) = image.pixels.get_mut((y0 + dy) * ATLAS_WIDTH + x0 + dx)
            {
                #[expect(clippy::cast_sign_loss, reason = "coverage is 0..=1")]
                let alpha = (coverage * 255.0).round() as u8;
                *px = Color32::from_white_alpha(alpha);
            }
        }
    }
    let [w, h] = image.size.map(|n| n as f32);
    Sprite {
        uv: Rect::from_min_max(
            pos2(x0 as f32 / w, y0 as f32 / h),
            pos2((x0 + side) as f32 / w, (y0 + side) as f32 / h),
        ),
        side_px: side as f32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A marker that fits the atlas is two quads, sized to its exact radius.
    #[test]
    fn a_marker_is_two_quads() {
        let ctx = Context::default();
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            let atlas = MarkerAtlas::get(ui.ctx());
            assert!(atlas.holds(12.0) && !atlas.holds(70.0));
            let mut mesh = atlas.mesh();
            let center = pos2(100.0, 100.0);
            atlas.add(&mut mesh, Kind::Disc, center, 12.3, Color32::RED);
            atlas.add(&mut mesh, Kind::ThinRing, center, 12.3, Color32::BLACK);
            assert_eq!(mesh.vertices.len(), 8);
            let bounds = mesh.calc_bounds();
            // The sprite has a margin of anti-aliasing around the disc.
            assert!(bounds.width() > 2.0 * 12.3 && bounds.width() < 2.0 * 12.3 + 6.0);
            assert!((bounds.center() - center).length() < 1e-3);
            // The same atlas is reused at the same density.
            assert!(Arc::ptr_eq(&atlas, &MarkerAtlas::get(ui.ctx())));
        });
        out.textures_delta.clear();
    }

    /// At the densities images are made at, every radius the atlas holds gets a sprite
    /// within 2% of its size, and the texture stays a fraction of the 2048² one it was.
    #[test]
    fn every_radius_gets_a_close_sprite() {
        for ppp in [1.0, 1.5, 2.0, 3.0] {
            let ctx = Context::default();
            ctx.set_pixels_per_point(ppp);
            let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
                assert!((ui.ctx().pixels_per_point() - ppp).abs() < 1e-6);
                let atlas = MarkerAtlas::get(ui.ctx());
                assert!(atlas.holds(MAX_RADIUS_PX / ppp));
                let [w, h] = atlas.texture.size();
                assert!(w * h <= 1024 * 1536, "{w}×{h} at {ppp}");
                let mut r = 0.5 / ppp;
                while r <= MAX_RADIUS_PX / ppp {
                    let mut mesh = atlas.mesh();
                    atlas.add(&mut mesh, Kind::Disc, pos2(0.0, 0.0), r, Color32::RED);
                    let side_px = mesh.calc_bounds().width() * ppp;
                    let r_px = r * ppp;
                    let exact = 2.0 * r_px;
                    // The disc plus 3–5 px of anti-aliased margin, scaled by at most half
                    // a step (a quarter pixel) while steps are fine, then by ≤ 2%.
                    let most = if r_px < FINE_UNTIL_PX {
                        0.25 / r_px
                    } else {
                        0.02
                    };
                    assert!(
                        side_px >= (exact + 3.0) * (1.0 - most)
                            && side_px <= (exact + 5.0) * (1.0 + most),
                        "radius {r} at {ppp}: side {side_px} px"
                    );
                    r += 0.37 / ppp;
                }
            });
            out.textures_delta.clear();
        }
    }
}
