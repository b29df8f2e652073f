//! Rendering painted shapes to an image without a window: briefing images, from the app
//! and from `dateline render`, go through here (egui's own wgpu renderer, drawing into an
//! off-screen texture).
//!
//! It needs a wgpu adapter: a GPU, or a software one such as Mesa's lavapipe (Debian:
//! `mesa-vulkan-drivers`). No display is needed. Software adapters are preferred: they
//! give the same pixels on every machine that runs the same Mesa, which keeps snapshot
//! tests stable, and a briefing image is small work.

use super::theme;
use eframe::egui_wgpu::{self, RenderState, ScreenDescriptor, wgpu};
use egui::{Context, Rect, Shape, pos2, vec2};
use image::RgbaImage;
use std::sync::Arc;
use std::time::Duration;

/// Largest side of an image, in pixels (wgpu's guaranteed texture limit).
pub const MAX_SIDE: u32 = 8192;

/// How long to wait for the GPU before giving up.
const WAIT: Duration = Duration::from_mins(1);

/// Why an image could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// No usable wgpu adapter (no GPU and no software renderer).
    #[error(
        "no graphics adapter to render with ({0}). Rendering needs a GPU or a software \
         renderer: install Mesa's Vulkan drivers (Debian/Ubuntu: `apt-get install \
         mesa-vulkan-drivers`); no display is needed"
    )]
    NoAdapter(String),
    /// A size of zero or beyond [`MAX_SIDE`].
    #[error("image size {0}×{1} px is out of range (1 to {MAX_SIDE} px a side)")]
    BadSize(u32, u32),
    /// The GPU failed while drawing or reading back.
    #[error("rendering failed: {0}")]
    Gpu(String),
}

/// An off-screen renderer; make one and reuse it for many images (creating the device
/// is the slow part).
pub struct Offscreen {
    state: RenderState,
}

impl Offscreen {
    /// Finds an adapter and creates the device.
    ///
    /// # Errors
    /// [`RenderError::NoAdapter`] when no GPU or software renderer is available.
    pub fn new() -> Result<Self, RenderError> {
        // `WGPU_BACKEND` (wgpu's own variable: vulkan, metal, dx12, gl) picks the backend.
        if let Some(backends) = wgpu::Backends::from_env() {
            return Self::with_backends(backends);
        }
        // Vulkan, Metal or DX12 first; OpenGL only when none of those has an adapter
        // (initialising it probes the display, which a headless machine lacks).
        Self::with_backends(wgpu::Backends::PRIMARY - wgpu::Backends::BROWSER_WEBGPU)
            .or_else(|primary| Self::with_backends(wgpu::Backends::GL).map_err(|_| primary))
    }

    fn with_backends(backends: wgpu::Backends) -> Result<Self, RenderError> {
        let mut setup = egui_wgpu::WgpuSetupCreateNew::without_display_handle();
        setup.instance_descriptor.backends = backends;
        super::prefer_low_memory(&mut setup);
        setup.native_adapter_selector = Some(Arc::new(|adapters, _surface| {
            // Software adapters first: the same pixels wherever the same Mesa runs.
            let rank = |a: &wgpu::Adapter| match a.get_info().device_type {
                wgpu::DeviceType::Cpu => 0,
                wgpu::DeviceType::DiscreteGpu => 1,
                _ => 2,
            };
            adapters
                .iter()
                .filter(|a| a.get_info().backend != wgpu::Backend::Noop)
                .min_by_key(|a| rank(a))
                .cloned()
                .ok_or_else(|| "none found".to_owned())
        }));
        let setup = egui_wgpu::WgpuSetup::CreateNew(setup);
        let instance = pollster::block_on(setup.new_instance());
        let state = pollster::block_on(RenderState::create(
            &egui_wgpu::WgpuConfiguration {
                wgpu_setup: setup,
                ..Default::default()
            },
            &instance,
            None,
            egui_wgpu::RendererOptions::PREDICTABLE,
        ))
        .map_err(|e| RenderError::NoAdapter(e.to_string()))?;
        Ok(Self { state })
    }

    /// A one-line description of the adapter ("llvmpipe (LLVM 19.1.7, 256 bits), Vulkan").
    pub fn adapter(&self) -> String {
        let info = self.state.adapter.get_info();
        format!("{}, {:?}", info.name, info.backend)
    }

    /// Renders what `paint` draws into a `size` pixel image at `pixels_per_point`.
    /// `paint` gets a fresh egui context (fonts installed) and the canvas rectangle in
    /// points, and returns shapes with their clip rectangles; the same inputs give the
    /// same pixels.
    ///
    /// # Errors
    /// A size out of range, or a GPU failure.
    pub fn render(
        &mut self,
        size: [u32; 2],
        pixels_per_point: f32,
        paint: impl FnOnce(&Context, Rect) -> Vec<(Rect, Shape)>,
    ) -> Result<RgbaImage, RenderError> {
        let [w, h] = size;
        if !(1..=MAX_SIDE).contains(&w) || !(1..=MAX_SIDE).contains(&h) {
            return Err(RenderError::BadSize(w, h));
        }
        let (deltas, primitives, ppp) = egui_pass([w, h], pixels_per_point, paint);
        let screen = ScreenDescriptor {
            size_in_pixels: [w, h],
            pixels_per_point: ppp,
        };

        let RenderState {
            device,
            queue,
            renderer,
            target_format,
            ..
        } = &self.state;
        let mut renderer = renderer.write();
        for mut delta in deltas {
            #[expect(clippy::iter_over_hash_type, reason = "textures are independent")]
            for (id, images) in std::mem::take(&mut delta.set) {
                for image in images {
                    renderer.update_texture(device, queue, id, &image);
                }
            }
            #[expect(clippy::iter_over_hash_type, reason = "textures are independent")]
            for id in std::mem::take(&mut delta.free) {
                renderer.free_texture(&id);
            }
        }
        let mut encoder = device.create_command_encoder(&wgpu::CommandEncoderDescriptor {
            label: Some("briefing"),
        });
        let user_buffers =
            renderer.update_buffers(device, queue, &mut encoder, &primitives, &screen);
        let extent = wgpu::Extent3d {
            width: w,
            height: h,
            depth_or_array_layers: 1,
        };
        let texture = device.create_texture(&wgpu::TextureDescriptor {
            label: Some("briefing"),
            size: extent,
            mip_level_count: 1,
            sample_count: 1,
            dimension: wgpu::TextureDimension::D2,
            format: *target_format,
            usage: wgpu::TextureUsages::RENDER_ATTACHMENT | wgpu::TextureUsages::COPY_SRC,
            view_formats: &[],
        });
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        {
            let mut pass = encoder
                .begin_render_pass(&wgpu::RenderPassDescriptor {
                    label: Some("briefing"),
                    color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                        view: &view,
                        resolve_target: None,
                        ops: wgpu::Operations {
                            load: wgpu::LoadOp::Clear(wgpu::Color::WHITE),
                            store: wgpu::StoreOp::Store,
                        },
                        depth_slice: None,
                    })],
                    ..Default::default()
                })
                .forget_lifetime();
            renderer.render(&mut pass, &primitives, &screen);
        }
        read_back(
            device,
            queue,
            encoder,
            user_buffers,
            &texture,
            *target_format,
        )
    }
}

/// Runs egui on a fresh context (fonts installed) and returns the texture changes, the
/// tessellated drawing and the pixel density used.
fn egui_pass(
    [w, h]: [u32; 2],
    pixels_per_point: f32,
    paint: impl FnOnce(&Context, Rect) -> Vec<(Rect, Shape)>,
) -> ([egui::TexturesDelta; 2], Vec<egui::ClippedPrimitive>, f32) {
    let ctx = Context::default();
    theme::install_fonts(&ctx);
    let canvas = Rect::from_min_size(pos2(0.0, 0.0), vec2(w as f32, h as f32) / pixels_per_point);
    let input = || {
        let mut raw = egui::RawInput {
            screen_rect: Some(canvas),
            ..Default::default()
        };
        raw.viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .native_pixels_per_point = Some(pixels_per_point);
        raw
    };
    // Fonts set on a context apply from its next pass: one empty pass first.
    let first = ctx.run_ui(input(), |_| {});
    let mut paint = Some(paint);
    let output = ctx.run_ui(input(), |ui| {
        if let Some(paint) = paint.take() {
            let painter = ui.ctx().layer_painter(egui::LayerId::background());
            for (clip_rect, shape) in paint(ui.ctx(), canvas) {
                painter.with_clip_rect(clip_rect).add(shape);
            }
        }
    });
    let ppp = ctx.pixels_per_point();
    let primitives = ctx.tessellate(output.shapes, ppp);
    (
        [first.textures_delta, output.textures_delta],
        primitives,
        ppp,
    )
}

/// Submits the drawing and copies the texture into an image, through a buffer whose rows
/// are padded as wgpu requires.
fn read_back(
    device: &wgpu::Device,
    queue: &wgpu::Queue,
    mut encoder: wgpu::CommandEncoder,
    user_buffers: Vec<wgpu::CommandBuffer>,
    texture: &wgpu::Texture,
    format: wgpu::TextureFormat,
) -> Result<RgbaImage, RenderError> {
    let (w, h) = (texture.width(), texture.height());
    let extent = texture.size();
    let unpadded = w as usize * 4;
    let align = wgpu::COPY_BYTES_PER_ROW_ALIGNMENT as usize;
    let padded = unpadded.div_ceil(align) * align;
    let buffer = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("briefing readback"),
        size: (padded * h as usize) as u64,
        usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    encoder.copy_texture_to_buffer(
        texture.as_image_copy(),
        wgpu::TexelCopyBufferInfo {
            buffer: &buffer,
            layout: wgpu::TexelCopyBufferLayout {
                offset: 0,
                bytes_per_row: Some(padded as u32),
                rows_per_image: None,
            },
        },
        extent,
    );
    let submission = queue.submit(user_buffers.into_iter().chain([encoder.finish()]));
    let slice = buffer.slice(..);
    let (tx, rx) = std::sync::mpsc::channel();
    slice.map_async(wgpu::MapMode::Read, move |r| drop(tx.send(r)));
    device
        .poll(wgpu::PollType::Wait {
            submission_index: Some(submission),
            timeout: Some(WAIT),
        })
        .map_err(|e| RenderError::Gpu(e.to_string()))?;
    rx.recv_timeout(WAIT)
        .map_err(|e| RenderError::Gpu(e.to_string()))?
        .map_err(|e| RenderError::Gpu(e.to_string()))?;
    let mapped = slice
        .get_mapped_range()
        .map_err(|e| RenderError::Gpu(e.to_string()))?;
    let mut pixels = Vec::with_capacity(unpadded * h as usize);
    for row in mapped.chunks_exact(padded) {
        pixels.extend_from_slice(row.get(..unpadded).unwrap_or(row));
    }
    drop(mapped);
    buffer.unmap();
    if format == wgpu::TextureFormat::Bgra8Unorm {
        for px in pixels.chunks_exact_mut(4) {
            px.swap(0, 2);
        }
    }
    RgbaImage::from_raw(w, h, pixels)
        .ok_or_else(|| RenderError::Gpu("the read-back image has the wrong size".into()))
}
