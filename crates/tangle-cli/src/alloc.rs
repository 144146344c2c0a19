//! The global allocator: mimalloc, called through its plain `malloc`
//! entry points.
//!
//! An evaluation makes and frees millions of small objects (thunks,
//! environments, closures, short strings). mimalloc serves them much faster
//! than glibc's malloc (`fib 30`: 0.75 s against 0.91 s). The `mimalloc`
//! crate's allocator passes every request through `mi_malloc_aligned`,
//! whose slow path over-allocates for sizes that are not powers of two;
//! every Tangle allocation needs at most 16-byte alignment, which plain
//! `mi_malloc` always provides, so those go through it (callgrind:
//! 6% fewer instructions on the fixpoint benchmark). mimalloc's v2 series
//! is used rather than v3: peak memory on the package-set benchmark is
//! 61 MB against 70 MB, at the same speed.

use libmimalloc_sys::{mi_free, mi_malloc, mi_malloc_aligned, mi_realloc, mi_realloc_aligned};
use libmimalloc_sys::{mi_zalloc, mi_zalloc_aligned};
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// mimalloc's `purge_delay` option (`mi_option_purge_delay` in v2's
/// `mimalloc.h`; the crate has no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Tune mimalloc for a garbage-collected heap; call before allocating.
///
/// A collection frees many objects at once, and the evaluation goes on
/// allocating into the same memory. With mimalloc's default purge delay
/// (10 ms) the freed pages were handed back to the kernel and faulted in
/// again, zeroed, moments later: the cyclic-garbage loop (1e6 iterations)
/// spent 58% of its time in the kernel's `clear_page_erms` and took 1.06 s;
/// with a delay of a second, 0.45 s. Memory still goes back to the kernel
/// when a long-running embedding stops using it.
pub fn tune() {
    // mimalloc's own environment variable, if set, wins.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: setting an option mimalloc defines, before any allocation
        // depends on it; mimalloc reads options atomically.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 1000) };
    }
}

/// Alignment every `mi_malloc` block has (`MI_MAX_ALIGN_SIZE`).
const MALLOC_ALIGN: usize = 16;

pub struct Mimalloc;

// SAFETY: each method forwards to the mimalloc function with the same
// contract (a block of at least `size` bytes with the requested alignment,
// or null; `mi_free` accepts any block mimalloc returned). Requests with an
// alignment above `MALLOC_ALIGN` use the aligned entry points.
unsafe impl GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= MALLOC_ALIGN {
            mi_malloc(layout.size()) as *mut u8
        } else {
            mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= MALLOC_ALIGN {
            mi_zalloc(layout.size()) as *mut u8
        } else {
            mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= MALLOC_ALIGN {
            mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}
