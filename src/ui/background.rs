//! Background work below the window's priority.
//!
//! Loading a folder keeps every core busy (rayon reads and extracts files in parallel),
//! and so did the window's own drawing when those threads had its priority: on a machine
//! whose renderer runs on the CPU (Mesa's lavapipe, no GPU), each frame waited for the
//! loader's threads' time slices. Work started here runs at the lowest priority of the
//! normal scheduler (nice 19 on Linux), its parallel parts on a rayon pool whose threads
//! run at that priority too: when the window has a frame to draw the scheduler gives it
//! the cores, and in between the work has them all, so it finishes no later when
//! nothing else wants the machine.
//!
//! Lowering one's own priority needs no privilege. Where it fails (a platform without
//! the call), the work runs at normal priority, as before.

use std::io;
use std::sync::OnceLock;

/// Runs `work` on a new thread named `name`, at background priority, with rayon's
/// parallel iterators inside it running on background threads too.
pub fn spawn(name: &str, work: impl FnOnce() + Send + 'static) -> io::Result<()> {
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(move || {
            lower_current_thread();
            match pool() {
                Some(pool) => pool.install(work),
                None => work(),
            }
        })
        .map(|_| ())
}

/// The pool of background threads, one per core, built on first use (`None` if the
/// system would not start threads: rayon's global pool is used then).
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("background-{i}"))
            .start_handler(|_| lower_current_thread())
            .build()
            .map_err(|e| log::warn!("background threads: {e}"))
            .ok()
    })
    .as_ref()
}

/// Puts the calling thread at the lowest priority of its scheduling policy.
fn lower_current_thread() {
    if let Err(e) =
        thread_priority::set_current_thread_priority(thread_priority::ThreadPriority::Min)
    {
        log::debug!("cannot lower a background thread's priority: {e:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rayon::prelude::*;

    /// The spawned thread and the pool threads its parallel work runs on are all at
    /// background priority (nice 19 on Linux), and the work's result comes back.
    #[cfg(target_os = "linux")]
    #[test]
    fn work_and_its_parallel_parts_run_at_background_priority() {
        let caller = current_niceness();
        let (tx, rx) = std::sync::mpsc::channel();
        spawn("test-background", move || {
            let niceness: Vec<i32> = (0..64)
                .into_par_iter()
                .map(|_| current_niceness())
                .collect();
            tx.send((current_niceness(), niceness, rayon::current_num_threads()))
                .ok();
        })
        .expect("thread starts");
        let (own, parallel, threads) = rx.recv().expect("work reports back");
        assert_eq!(own, 19, "the spawned thread is lowered");
        assert!(
            parallel.iter().all(|&n| n == 19),
            "pool threads are lowered: {parallel:?}"
        );
        assert_eq!(threads, num_cpus(), "one pool thread per core");
        assert_eq!(current_niceness(), caller, "the caller keeps its priority");
    }

    /// The calling thread's nice value, from /proc (field 19 of its stat line).
    #[cfg(target_os = "linux")]
    fn current_niceness() -> i32 {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").expect("stat readable");
        let after_name = &stat[stat.rfind(')').expect("name closes") + 2..];
        after_name
            .split(' ')
            .nth(16)
            .and_then(|n| n.parse().ok())
            .expect("nice field")
    }

    #[cfg(target_os = "linux")]
    fn num_cpus() -> usize {
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    }
}
