//! Large or many-shaped drawings kept on the GPU: the base map (~200,000 vertices of
//! country fills, borders and rivers) and the markers.
//!
//! Handed to egui as a `Shape::Mesh`, such a mesh is validated, bounded, copied into the
//! frame's output and uploaded again on every frame, though it changes only when the view
//! moves: at 10,000 articles that was most of an idle frame's CPU time. Drawn through an
//! `egui_wgpu` paint callback instead, it is uploaded once per view and each frame only
//! issues one draw call. The base map's shader and blending are egui's own (vertex
//! colours in gamma space, premultiplied alpha), so its pixels are the ones egui would
//! draw.
//!
//! The base map is drawn once per view, into a texture the size of the window (cleared
//! to transparent), and each frame copies that texture's pixels to the screen. Blending
//! premultiplied colours is associative, so the copy over the panel gives the pixels
//! drawing the mesh there would. A renderer on the CPU (lavapipe) had rasterised the
//! mesh (~200,000 vertices of thin triangles) every frame; the copy is one triangle, one
//! texel read a pixel: playing, the seeds' frame went from 45–48 ms to 28–29 ms there.
//!
//! Markers are drawn by their own shader: one quad per marker, whose pixels compute
//! their distance to the centre and from it the disc's and the ring's coverage (the
//! formula that draws the sprites of [`super::marker_atlas`], evaluated per pixel). As
//! egui meshes a marker is two textured quads, a disc and a ring, and with thousands of
//! overlapping markers on a view of the world their pixels were most of what a software
//! renderer (Mesa's lavapipe) spent on a frame.
//!
//! The pipelines live in the renderer's callback resources, installed by [`install`]
//! when the app starts on wgpu; without them (another backend, or no renderer at all)
//! the map falls back to plain egui meshes. They hold one base map and one set of markers
//! at a time: the app has one map. Two of a kind drawn in one frame would re-upload each
//! other every frame (egui prepares every callback before it paints any), and the first
//! would not be drawn.

use eframe::egui_wgpu::{self, CallbackResources, ScreenDescriptor, wgpu};
use egui::epaint::{Mesh, Vertex};
use egui::{Color32, PaintCallbackInfo, Pos2, Rect, Shape};
use std::sync::Arc;
use wgpu::util::DeviceExt as _;

const SHADER: &str = r"
struct Locals {
    screen_size: vec2<f32>,
    _pad: vec2<f32>,
};
@group(0) @binding(0) var<uniform> locals: Locals;

struct Out {
    @builtin(position) position: vec4<f32>,
    @location(0) color: vec4<f32>,
};

fn unpack(color: u32) -> vec4<f32> {
    return vec4<f32>(
        f32(color & 255u),
        f32((color >> 8u) & 255u),
        f32((color >> 16u) & 255u),
        f32((color >> 24u) & 255u),
    ) / 255.0;
}

fn clip_from_screen(pos: vec2<f32>) -> vec4<f32> {
    return vec4<f32>(
        2.0 * pos.x / locals.screen_size.x - 1.0,
        1.0 - 2.0 * pos.y / locals.screen_size.y,
        0.0,
        1.0,
    );
}

@vertex
fn vs_main(@location(0) pos: vec2<f32>, @location(1) uv: vec2<f32>, @location(2) color: u32) -> Out {
    var out: Out;
    out.position = clip_from_screen(pos);
    out.color = unpack(color);
    return out;
}

@fragment
fn fs_gamma(in: Out) -> @location(0) vec4<f32> {
    return in.color;
}

fn linear_from_gamma(srgb: vec3<f32>) -> vec3<f32> {
    let cutoff = srgb < vec3<f32>(0.04045);
    let lower = srgb / vec3<f32>(12.92);
    let higher = pow((srgb + vec3<f32>(0.055)) / vec3<f32>(1.055), vec3<f32>(2.4));
    return select(higher, lower, cutoff);
}

@fragment
fn fs_linear(in: Out) -> @location(0) vec4<f32> {
    return vec4<f32>(linear_from_gamma(in.color.rgb), in.color.a);
}

struct MarkerOut {
    @builtin(position) position: vec4<f32>,
    // Offset from the centre, in pixels.
    @location(0) local: vec2<f32>,
    // Radius and ring width, in pixels.
    @location(1) @interpolate(flat) shape: vec2<f32>,
    @location(2) @interpolate(flat) fill: vec4<f32>,
    @location(3) @interpolate(flat) ring: vec4<f32>,
};

@vertex
fn vs_marker(
    @location(0) pos: vec2<f32>,
    @location(1) local: vec2<f32>,
    @location(2) shape: vec2<f32>,
    @location(3) fill: u32,
    @location(4) ring: u32,
) -> MarkerOut {
    var out: MarkerOut;
    out.position = clip_from_screen(pos);
    out.local = local;
    out.shape = shape;
    out.fill = unpack(fill);
    out.ring = unpack(ring);
    return out;
}

// A disc of radius r with a ring of width w centred on its edge, each anti-aliased over
// one pixel; premultiplied colours, in gamma space.
fn marker_color(in: MarkerOut) -> vec4<f32> {
    let d = length(in.local);
    let r = in.shape.x;
    let half = 0.5 * in.shape.y;
    let disc = clamp(r + 0.5 - d, 0.0, 1.0);
    let ring = clamp(r + half + 0.5 - d, 0.0, 1.0) * clamp(d - (r - half) + 0.5, 0.0, 1.0);
    return in.ring * ring + in.fill * disc * (1.0 - in.ring.a * ring);
}

@fragment
fn fs_marker_gamma(in: MarkerOut) -> @location(0) vec4<f32> {
    return marker_color(in);
}

@fragment
fn fs_marker_linear(in: MarkerOut) -> @location(0) vec4<f32> {
    let c = marker_color(in);
    return vec4<f32>(linear_from_gamma(c.rgb), c.a);
}
";

/// Copies the base map's texture to the screen: a triangle covering the whole viewport
/// (egui's scissor keeps it to the map), each pixel the texel under it, premultiplied.
const BLIT_SHADER: &str = r"
@group(0) @binding(0) var map_texture: texture_2d<f32>;

@vertex
fn vs_blit(@builtin(vertex_index) i: u32) -> @builtin(position) vec4<f32> {
    let corner = vec2<f32>(f32((i << 1u) & 2u), f32(i & 2u));
    return vec4<f32>(corner * 2.0 - 1.0, 0.0, 1.0);
}

@fragment
fn fs_blit(@builtin(position) position: vec4<f32>) -> @location(0) vec4<f32> {
    return textureLoad(map_texture, vec2<i32>(position.xy), 0);
}
";

/// The pipelines and what each drew last, in the renderer's callback resources.
struct GpuMeshes {
    mesh_pipeline: wgpu::RenderPipeline,
    marker_pipeline: wgpu::RenderPipeline,
    uniforms: wgpu::Buffer,
    bind_group: wgpu::BindGroup,
    /// The base map's buffers, then the markers'.
    uploaded: [Option<Uploaded>; 2],
    blit_pipeline: wgpu::RenderPipeline,
    blit_layout: wgpu::BindGroupLayout,
    /// The base map drawn once into a texture, copied to the screen every frame.
    map_texture: Option<MapTexture>,
    /// The format of the window's target, which the texture shares.
    format: wgpu::TextureFormat,
}

/// The base map as pixels: the window's size, transparent where the map draws nothing.
struct MapTexture {
    /// The mesh drawn into it ([`Uploaded::key`]) and the texture's size in pixels.
    key: (usize, [u32; 2]),
    texture: wgpu::Texture,
    bind_group: wgpu::BindGroup,
}

struct Uploaded {
    /// Which drawing these buffers hold (its address while it lives).
    key: usize,
    vertices: wgpu::Buffer,
    indices: wgpu::Buffer,
    count: u32,
    /// Keeps the drawing alive, so its address cannot be reused by another.
    _drawing: Drawing,
}

/// Samples per pixel of the window's render pass: the app leaves eframe's multisampling
/// off (`NativeOptions::multisampling` is set from this), and the pipeline must match.
pub const SAMPLES: u16 = 1;

/// Markers as quads for the marker shader: per vertex its position (points), its offset
/// from the marker's centre and the marker's radius and ring width (pixels), as `f32`
/// bits, then the fill and ring colours (premultiplied, gamma space).
#[derive(Default)]
pub struct MarkerQuads {
    vertices: Vec<[u32; 8]>,
    indices: Vec<u32>,
    pixels_per_point: f32,
}

impl MarkerQuads {
    /// No markers yet, for a screen of `pixels_per_point`.
    pub fn new(pixels_per_point: f32) -> Self {
        Self {
            pixels_per_point,
            ..Self::default()
        }
    }

    /// Adds a disc of `radius` points at `center`, filled with `fill`, with a ring of
    /// `ring_width` points in `ring` centred on its edge (on top of the markers before).
    pub fn add(
        &mut self,
        center: Pos2,
        radius: f32,
        fill: Color32,
        (ring_width, ring): (f32, Color32),
    ) {
        let ppp = self.pixels_per_point;
        let (r, w) = (radius * ppp, ring_width * ppp);
        // Coverage ends half a pixel outside the ring: one pixel of margin.
        let half_px = r + w / 2.0 + 1.0;
        let half = half_px / ppp;
        let Ok(base) = u32::try_from(self.vertices.len()) else {
            return;
        };
        let color = |c: Color32| u32::from_le_bytes(c.to_array());
        for (sx, sy) in [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)] {
            self.vertices.push([
                (center.x + sx * half).to_bits(),
                (center.y + sy * half).to_bits(),
                (sx * half_px).to_bits(),
                (sy * half_px).to_bits(),
                r.to_bits(),
                w.to_bits(),
                color(fill),
                color(ring),
            ]);
        }
        self.indices
            .extend([base, base + 1, base + 2, base, base + 2, base + 3]);
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.vertices.is_empty()
    }
}

/// What a callback draws.
#[derive(Clone)]
enum Drawing {
    /// Through the mesh shader (egui's vertex colours and blending).
    Mesh(Arc<Mesh>),
    /// Through the marker shader.
    Markers(Arc<MarkerQuads>),
}

impl Drawing {
    fn key(&self) -> usize {
        match self {
            Self::Mesh(m) => Arc::as_ptr(m) as usize,
            Self::Markers(m) => Arc::as_ptr(m) as usize,
        }
    }

    /// Which of the uploads it is.
    fn slot(&self) -> usize {
        match self {
            Self::Mesh(_) => 0,
            Self::Markers(_) => 1,
        }
    }

    fn vertex_bytes(&self) -> &[u8] {
        match self {
            Self::Mesh(m) => bytemuck::cast_slice(&m.vertices),
            Self::Markers(m) => bytemuck::cast_slice(&m.vertices),
        }
    }

    fn indices(&self) -> &[u32] {
        match self {
            Self::Mesh(m) => &m.indices,
            Self::Markers(m) => &m.indices,
        }
    }
}

/// Installs the pipelines into a wgpu render state's renderer (the app does this at start,
/// when eframe runs on wgpu).
pub fn install(render_state: &egui_wgpu::RenderState) {
    let device = &render_state.device;
    let module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
        label: Some("dateline mesh"),
        source: wgpu::ShaderSource::Wgsl(SHADER.into()),
    });
    let uniforms = device.create_buffer(&wgpu::BufferDescriptor {
        label: Some("dateline mesh uniforms"),
        size: 16,
        usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
        mapped_at_creation: false,
    });
    let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
        label: Some("dateline mesh"),
        entries: &[wgpu::BindGroupLayoutEntry {
            binding: 0,
            visibility: wgpu::ShaderStages::VERTEX,
            ty: wgpu::BindingType::Buffer {
                ty: wgpu::BufferBindingType::Uniform,
                has_dynamic_offset: false,
                min_binding_size: None,
            },
            count: None,
        }],
    });
    let bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some("dateline mesh"),
        layout: &layout,
        entries: &[wgpu::BindGroupEntry {
            binding: 0,
            resource: uniforms.as_entire_binding(),
        }],
    });
    let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
        label: Some("dateline mesh"),
        bind_group_layouts: &[Some(&layout)],
        immediate_size: 0,
    });
    let srgb = render_state.target_format.is_srgb();
    let mesh_pipeline = pipeline(
        render_state,
        (&module, &pipeline_layout),
        ("vs_main", if srgb { "fs_linear" } else { "fs_gamma" }),
        Some((
            &wgpu::vertex_attr_array![0 => Float32x2, 1 => Float32x2, 2 => Uint32],
            std::mem::size_of::<Vertex>(),
        )),
    );
    let marker_pipeline = pipeline(
        render_state,
        (&module, &pipeline_layout),
        (
            "vs_marker",
            if srgb {
                "fs_marker_linear"
            } else {
                "fs_marker_gamma"
            },
        ),
        Some((
            &wgpu::vertex_attr_array![
                0 => Float32x2, 1 => Float32x2, 2 => Float32x2, 3 => Uint32, 4 => Uint32
            ],
            std::mem::size_of::<[u32; 8]>(),
        )),
    );
    let (blit_pipeline, blit_layout) = blit_pipeline(render_state);
    render_state
        .renderer
        .write()
        .callback_resources
        .insert(GpuMeshes {
            mesh_pipeline,
            marker_pipeline,
            uniforms,
            bind_group,
            uploaded: [None, None],
            blit_pipeline,
            blit_layout,
            map_texture: None,
            format: render_state.target_format,
        });
}

/// A pipeline of the shader's entry points `(vertex, fragment)`, with egui's blending
/// (premultiplied alpha) into the render state's target.
fn pipeline(
    render_state: &egui_wgpu::RenderState,
    (module, layout): (&wgpu::ShaderModule, &wgpu::PipelineLayout),
    (vertex, fragment): (&str, &str),
    vertices: Option<(&[wgpu::VertexAttribute], usize)>,
) -> wgpu::RenderPipeline {
    let blend = wgpu::BlendState {
        color: wgpu::BlendComponent {
            src_factor: wgpu::BlendFactor::One,
            dst_factor: wgpu::BlendFactor::OneMinusSrcAlpha,
            operation: wgpu::BlendOperation::Add,
        },
        alpha: wgpu::BlendComponent {
            src_factor: wgpu::BlendFactor::OneMinusDstAlpha,
            dst_factor: wgpu::BlendFactor::One,
            operation: wgpu::BlendOperation::Add,
        },
    };
    render_state
        .device
        .create_render_pipeline(&wgpu::RenderPipelineDescriptor {
            label: Some(vertex),
            layout: Some(layout),
            vertex: wgpu::VertexState {
                module,
                entry_point: Some(vertex),
                buffers: &[
                    vertices.map(|(attributes, stride)| wgpu::VertexBufferLayout {
                        array_stride: stride as u64,
                        step_mode: wgpu::VertexStepMode::Vertex,
                        attributes,
                    }),
                ],
                compilation_options: wgpu::PipelineCompilationOptions::default(),
            },
            primitive: wgpu::PrimitiveState::default(),
            depth_stencil: None,
            multisample: wgpu::MultisampleState {
                count: u32::from(SAMPLES),
                ..Default::default()
            },
            fragment: Some(wgpu::FragmentState {
                module,
                entry_point: Some(fragment),
                targets: &[Some(wgpu::ColorTargetState {
                    format: render_state.target_format,
                    blend: Some(blend),
                    write_mask: wgpu::ColorWrites::ALL,
                })],
                compilation_options: wgpu::PipelineCompilationOptions::default(),
            }),
            multiview_mask: None,
            cache: None,
        })
}

/// The pipeline that copies the base map's texture to the screen, and the layout of its
/// bind group (the texture).
fn blit_pipeline(
    render_state: &egui_wgpu::RenderState,
) -> (wgpu::RenderPipeline, wgpu::BindGroupLayout) {
    let device = &render_state.device;
    let module = device.create_shader_module(wgpu::ShaderModuleDescriptor {
        label: Some("dateline map blit"),
        source: wgpu::ShaderSource::Wgsl(BLIT_SHADER.into()),
    });
    let layout = device.create_bind_group_layout(&wgpu::BindGroupLayoutDescriptor {
        label: Some("dateline map blit"),
        entries: &[wgpu::BindGroupLayoutEntry {
            binding: 0,
            visibility: wgpu::ShaderStages::FRAGMENT,
            ty: wgpu::BindingType::Texture {
                sample_type: wgpu::TextureSampleType::Float { filterable: false },
                view_dimension: wgpu::TextureViewDimension::D2,
                multisampled: false,
            },
            count: None,
        }],
    });
    let pipeline_layout = device.create_pipeline_layout(&wgpu::PipelineLayoutDescriptor {
        label: Some("dateline map blit"),
        bind_group_layouts: &[Some(&layout)],
        immediate_size: 0,
    });
    let blit = pipeline(
        render_state,
        (&module, &pipeline_layout),
        ("vs_blit", "fs_blit"),
        None,
    );
    (blit, layout)
}

/// A shape that draws `mesh` (in screen points, clipped to `clip`) from GPU buffers,
/// uploading it only when it is not the mesh drawn last.
pub fn shape(clip: Rect, mesh: Arc<Mesh>) -> Shape {
    callback(clip, Drawing::Mesh(mesh))
}

/// A shape that draws `markers` (clipped to `clip`) with the marker shader, uploading
/// them only when they are not the markers drawn last.
pub fn markers_shape(clip: Rect, markers: Arc<MarkerQuads>) -> Shape {
    callback(clip, Drawing::Markers(markers))
}

fn callback(clip: Rect, drawing: Drawing) -> Shape {
    Shape::Callback(egui_wgpu::Callback::new_paint_callback(clip, drawing))
}

impl egui_wgpu::CallbackTrait for Drawing {
    fn prepare(
        &self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        screen: &ScreenDescriptor,
        encoder: &mut wgpu::CommandEncoder,
        resources: &mut CallbackResources,
    ) -> Vec<wgpu::CommandBuffer> {
        let Some(gpu) = resources.get_mut::<GpuMeshes>() else {
            return Vec::new();
        };
        let ppp = screen.pixels_per_point;
        let size = [
            screen.size_in_pixels[0] as f32 / ppp,
            screen.size_in_pixels[1] as f32 / ppp,
            0.0,
            0.0,
        ];
        queue.write_buffer(&gpu.uniforms, 0, bytemuck::cast_slice(&size));
        let Some(slot) = gpu.uploaded.get_mut(self.slot()) else {
            return Vec::new();
        };
        if slot.as_ref().is_none_or(|u| u.key != self.key()) {
            *slot = Some(self.upload(device));
        }
        if let Self::Mesh(_) = self {
            gpu.draw_map_texture(device, encoder, screen.size_in_pixels);
        }
        Vec::new()
    }

    fn paint(
        &self,
        info: PaintCallbackInfo,
        pass: &mut wgpu::RenderPass<'static>,
        resources: &CallbackResources,
    ) {
        let Some(gpu) = resources.get::<GpuMeshes>() else {
            return;
        };
        // The whole screen as viewport: vertices are in screen points, as egui's are,
        // and the map's texture has the screen's pixels.
        let [w, h] = info.screen_size_px;
        pass.set_viewport(0.0, 0.0, w as f32, h as f32, 0.0, 1.0);
        let texture = gpu.map_texture.as_ref();
        if let Some(map) =
            texture.filter(|t| matches!(self, Self::Mesh(_)) && t.key.0 == self.key())
        {
            pass.set_pipeline(&gpu.blit_pipeline);
            pass.set_bind_group(0, &map.bind_group, &[]);
            pass.draw(0..3, 0..1);
            return;
        }
        let uploaded = gpu.uploaded.get(self.slot()).and_then(Option::as_ref);
        let Some(up) = uploaded.filter(|u| u.key == self.key()) else {
            return;
        };
        pass.set_pipeline(match self {
            Self::Mesh(_) => &gpu.mesh_pipeline,
            Self::Markers(_) => &gpu.marker_pipeline,
        });
        pass.set_bind_group(0, &gpu.bind_group, &[]);
        pass.set_vertex_buffer(0, up.vertices.slice(..));
        pass.set_index_buffer(up.indices.slice(..), wgpu::IndexFormat::Uint32);
        pass.draw_indexed(0..up.count, 0, 0..1);
    }
}

impl Drawing {
    /// Its vertices and indices in new GPU buffers.
    fn upload(&self, device: &wgpu::Device) -> Uploaded {
        let vertices = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
            label: Some("dateline mesh vertices"),
            contents: self.vertex_bytes(),
            usage: wgpu::BufferUsages::VERTEX,
        });
        let indices = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
            label: Some("dateline mesh indices"),
            contents: bytemuck::cast_slice(self.indices()),
            usage: wgpu::BufferUsages::INDEX,
        });
        Uploaded {
            key: self.key(),
            vertices,
            indices,
            count: u32::try_from(self.indices().len()).unwrap_or(0),
            _drawing: self.clone(),
        }
    }
}

impl GpuMeshes {
    /// Draws the uploaded base map into the map texture, unless it holds that map at
    /// `size` (the screen's pixels) already: once per view, not once per frame.
    fn draw_map_texture(
        &mut self,
        device: &wgpu::Device,
        encoder: &mut wgpu::CommandEncoder,
        size: [u32; 2],
    ) {
        let Some(up) = &self.uploaded[0] else {
            return;
        };
        let key = (up.key, size);
        if self.map_texture.as_ref().is_some_and(|t| t.key == key) || size.contains(&0) {
            return;
        }
        let (texture, bind_group) = match self.map_texture.take() {
            Some(old) if old.key.1 == size => (old.texture, old.bind_group),
            _ => {
                let texture = device.create_texture(&wgpu::TextureDescriptor {
                    label: Some("dateline map texture"),
                    size: wgpu::Extent3d {
                        width: size[0],
                        height: size[1],
                        depth_or_array_layers: 1,
                    },
                    mip_level_count: 1,
                    sample_count: u32::from(SAMPLES),
                    dimension: wgpu::TextureDimension::D2,
                    format: self.format,
                    usage: wgpu::TextureUsages::RENDER_ATTACHMENT
                        | wgpu::TextureUsages::TEXTURE_BINDING,
                    view_formats: &[],
                });
                let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
                let bind_group = device.create_bind_group(&wgpu::BindGroupDescriptor {
                    label: Some("dateline map texture"),
                    layout: &self.blit_layout,
                    entries: &[wgpu::BindGroupEntry {
                        binding: 0,
                        resource: wgpu::BindingResource::TextureView(&view),
                    }],
                });
                (texture, bind_group)
            }
        };
        let view = texture.create_view(&wgpu::TextureViewDescriptor::default());
        let mut pass = encoder.begin_render_pass(&wgpu::RenderPassDescriptor {
            label: Some("dateline map texture"),
            color_attachments: &[Some(wgpu::RenderPassColorAttachment {
                view: &view,
                depth_slice: None,
                resolve_target: None,
                ops: wgpu::Operations {
                    load: wgpu::LoadOp::Clear(wgpu::Color::TRANSPARENT),
                    store: wgpu::StoreOp::Store,
                },
            })],
            depth_stencil_attachment: None,
            timestamp_writes: None,
            occlusion_query_set: None,
            multiview_mask: None,
        });
        pass.set_pipeline(&self.mesh_pipeline);
        pass.set_bind_group(0, &self.bind_group, &[]);
        pass.set_vertex_buffer(0, up.vertices.slice(..));
        pass.set_index_buffer(up.indices.slice(..), wgpu::IndexFormat::Uint32);
        pass.draw_indexed(0..up.count, 0, 0..1);
        drop(pass);
        self.map_texture = Some(MapTexture {
            key,
            texture,
            bind_group,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    /// A marker is one quad: its disc, its ring and a pixel's margin for the edge, with
    /// the offsets from its centre and its sizes in pixels for the shader.
    #[test]
    fn a_marker_is_one_quad_in_pixels() {
        let mut quads = MarkerQuads::new(2.0);
        assert!(quads.is_empty());
        let (red, black) = (Color32::RED, Color32::BLACK);
        quads.add(pos2(100.0, 50.0), 10.0, red, (1.0, black));
        quads.add(pos2(10.0, 20.0), 3.0, black, (2.0, red));
        assert_eq!((quads.vertices.len(), quads.indices.len()), (8, 12));
        let bits = |xs: [f32; 2]| xs.map(f32::to_bits);
        // 10 points at 2 pixels a point, plus half the 2-pixel ring, plus 1 of margin.
        let half_px = 20.0 + 1.0 + 1.0;
        let [top_left, _, bottom_right, _] = [0, 1, 2, 3].map(|i| quads.vertices[i]);
        assert_eq!(top_left[..2], bits([89.0, 39.0]));
        assert_eq!(bottom_right[..2], bits([111.0, 61.0]));
        assert_eq!(top_left[2..4], bits([-half_px, -half_px]));
        assert_eq!(top_left[4..6], bits([20.0, 2.0]));
        assert_eq!(
            top_left[6..],
            [red, black].map(|c| u32::from_le_bytes(c.to_array()))
        );
        // The second marker's quad is indexed from its own vertices, on top.
        assert_eq!(quads.indices[6..], [4, 5, 6, 4, 6, 7]);
        assert_eq!(quads.vertices[4][4..6], bits([6.0, 4.0]));
    }
}
