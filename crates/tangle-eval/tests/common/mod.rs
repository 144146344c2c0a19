//! What the library's integration tests share.

/// Run `f` on a thread with the default stack size of a Rust thread
/// (2 MiB): the library must never need a bigger one.
pub fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("the test thread panicked");
}
