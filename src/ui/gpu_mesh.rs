//! A large, rarely changing mesh kept on the GPU (the base map: ~200,000 vertices of
//! country fills, borders and rivers).
//!
//! Handed to egui as a `Shape::Mesh`, such a mesh is validated, bounded, copied into the
//! frame's output and uploaded again on every frame, though it changes only when the view
//! moves: at 10,000 articles that was most of an idle frame's CPU time. Drawn through an
//! `egui_wgpu` paint callback instead, it is uploaded once per view and each frame only
//! issues one draw call. The shader and blending are egui's own (vertex colours in gamma
//! space, premultiplied alpha), so the pixels are the ones egui would draw.
//!
//! The pipeline lives in the renderer's callback resources, installed by [`install`] when
//! the app starts on wgpu; without it (another backend, or no renderer at all) the map
//! falls back to plain egui meshes. It holds one mesh at a time: the app has one map.
//! Two meshes drawn in one frame would re-upload each other every frame (egui prepares
//! every callback before it paints any), and the first would not be drawn.

use eframe::egui_wgpu::{self, CallbackResources, ScreenDescriptor, wgpu};
use egui::epaint::{Mesh, Vertex};
use egui::{PaintCallbackInfo, Rect, Shape};
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

@vertex
fn vs_main(@location(0) pos: vec2<f32>, @location(1) uv: vec2<f32>, @location(2) color: u32) -> Out {
    var out: Out;
    out.position = vec4<f32>(
        2.0 * pos.x / locals.screen_size.x - 1.0,
        1.0 - 2.0 * pos.y / locals.screen_size.y,
        0.0,
        1.0,
    );
    out.color = vec4<f32>(
        f32(color & 255u),
        f32((color >> 8u) & 255u),
        f32((color >> 16u) & 255u),
        f32((color >> 24u) & 255u),
    ) / 255.0;
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
";

/// The pipeline and the mesh last uploaded, in the renderer's callback resources.
struct GpuMeshes {
    pipeline: wgpu::RenderPipeline,
    uniforms: wgpu::Buffer,
    bind_group: wgpu::BindGroup,
    uploaded: Option<Uploaded>,
}

struct Uploaded {
    /// Which mesh these buffers hold (the mesh's address while it lives).
    key: usize,
    vertices: wgpu::Buffer,
    indices: wgpu::Buffer,
    count: u32,
    /// Keeps the mesh alive, so its address cannot be reused by another.
    _mesh: Arc<Mesh>,
}

/// Samples per pixel of the window's render pass: the app leaves eframe's multisampling
/// off (`NativeOptions::multisampling` is set from this), and the pipeline must match.
pub const SAMPLES: u16 = 1;

/// Installs the pipeline into a wgpu render state's renderer (the app does this at start,
/// when eframe runs on wgpu).
pub fn install(render_state: &egui_wgpu::RenderState) {
    let device = &render_state.device;
    let format = render_state.target_format;
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
    // egui's blending: premultiplied alpha.
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
    let pipeline = device.create_render_pipeline(&wgpu::RenderPipelineDescriptor {
        label: Some("dateline mesh"),
        layout: Some(&pipeline_layout),
        vertex: wgpu::VertexState {
            module: &module,
            entry_point: Some("vs_main"),
            buffers: &[Some(wgpu::VertexBufferLayout {
                array_stride: std::mem::size_of::<Vertex>() as u64,
                step_mode: wgpu::VertexStepMode::Vertex,
                attributes: &wgpu::vertex_attr_array![0 => Float32x2, 1 => Float32x2, 2 => Uint32],
            })],
            compilation_options: wgpu::PipelineCompilationOptions::default(),
        },
        primitive: wgpu::PrimitiveState::default(),
        depth_stencil: None,
        multisample: wgpu::MultisampleState {
            count: u32::from(SAMPLES),
            ..Default::default()
        },
        fragment: Some(wgpu::FragmentState {
            module: &module,
            entry_point: Some(if format.is_srgb() {
                "fs_linear"
            } else {
                "fs_gamma"
            }),
            targets: &[Some(wgpu::ColorTargetState {
                format,
                blend: Some(blend),
                write_mask: wgpu::ColorWrites::ALL,
            })],
            compilation_options: wgpu::PipelineCompilationOptions::default(),
        }),
        multiview_mask: None,
        cache: None,
    });
    render_state
        .renderer
        .write()
        .callback_resources
        .insert(GpuMeshes {
            pipeline,
            uniforms,
            bind_group,
            uploaded: None,
        });
}

/// A shape that draws `mesh` (in screen points, clipped to `clip`) from GPU buffers,
/// uploading it only when it is not the mesh drawn last.
pub fn shape(clip: Rect, mesh: Arc<Mesh>) -> Shape {
    Shape::Callback(egui_wgpu::Callback::new_paint_callback(
        clip,
        DrawMesh { mesh },
    ))
}

struct DrawMesh {
    mesh: Arc<Mesh>,
}

impl DrawMesh {
    fn key(&self) -> usize {
        Arc::as_ptr(&self.mesh) as usize
    }
}

impl egui_wgpu::CallbackTrait for DrawMesh {
    fn prepare(
        &self,
        device: &wgpu::Device,
        queue: &wgpu::Queue,
        screen: &ScreenDescriptor,
        _encoder: &mut wgpu::CommandEncoder,
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
        if gpu.uploaded.as_ref().is_some_and(|u| u.key == self.key()) {
            return Vec::new();
        }
        let vertices = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
            label: Some("dateline mesh vertices"),
            contents: bytemuck::cast_slice(&self.mesh.vertices),
            usage: wgpu::BufferUsages::VERTEX,
        });
        let indices = device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
            label: Some("dateline mesh indices"),
            contents: bytemuck::cast_slice(&self.mesh.indices),
            usage: wgpu::BufferUsages::INDEX,
        });
        gpu.uploaded = Some(Uploaded {
            key: self.key(),
            vertices,
            indices,
            count: u32::try_from(self.mesh.indices.len()).unwrap_or(0),
            _mesh: self.mesh.clone(),
        });
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
        let Some(up) = gpu.uploaded.as_ref().filter(|u| u.key == self.key()) else {
            return;
        };
        // The whole screen as viewport: vertices are in screen points, as egui's are.
        let [w, h] = info.screen_size_px;
        pass.set_viewport(0.0, 0.0, w as f32, h as f32, 0.0, 1.0);
        pass.set_pipeline(&gpu.pipeline);
        pass.set_bind_group(0, &gpu.bind_group, &[]);
        pass.set_vertex_buffer(0, up.vertices.slice(..));
        pass.set_index_buffer(up.indices.slice(..), wgpu::IndexFormat::Uint32);
        pass.draw_indexed(0..up.count, 0, 0..1);
    }
}
