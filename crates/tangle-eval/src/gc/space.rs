//! Where heap objects live: one space per kind of object, each a list of
//! 64 KiB pages cut into slots of that kind's size.
//!
//! Why not one `malloc` per object: a collection frees objects scattered
//! through memory, and the allocator handed them out again cold, so every
//! allocation after a collection missed the cache (on the module-system
//! benchmark `mi_malloc` was 14% of the time, all of it on one load of the
//! free-list link). Here a sweep walks each page in address order, so the
//! hardware prefetches it; the free slots it finds are threaded into a list
//! in address order, so allocation walks memory the same way; and there is
//! no table of objects to keep beside them. A page with nothing live left
//! goes back to the allocator.
//!
//! A slot is a `GcBox<T>`: its header says whether it is in use (`size` is
//! 0 in a free slot) and whether it is marked; a free slot's value area
//! holds the link to the next free slot.

use super::GcBox;
use std::alloc::Layout;
use std::ptr::NonNull;

/// Bytes per page.
const PAGE: usize = 64 << 10;
/// Alignment of pages (and so of every slot, whose sizes are multiples of
/// their alignment, at most this).
const ALIGN: usize = 16;

fn page_layout() -> Layout {
    // PAGE and ALIGN are powers of two, PAGE a multiple of ALIGN.
    Layout::from_size_align(PAGE, ALIGN).expect("a valid page layout")
}

/// The header fields of a slot, whatever its type.
#[repr(C)]
struct Header {
    marked: std::cell::Cell<bool>,
    flag: std::cell::Cell<bool>,
    size: u32,
}

/// Offset of the value (and of a free slot's link) in a slot.
const LINK: usize = std::mem::size_of::<Header>();

/// The objects of one kind.
pub(super) struct Space {
    /// Bytes per slot (0 until the first allocation).
    slot: usize,
    /// Every page; the last is being cut (`bump` .. `end`).
    pages: Vec<NonNull<u8>>,
    /// The first free slot (null: none).
    free: *mut u8,
    /// The part of the last page not handed out yet.
    bump: *mut u8,
    end: *mut u8,
    /// Runs the destructor of a slot's value (the type's own).
    drop: Option<unsafe fn(*mut u8)>,
}

impl Space {
    pub(super) const fn new() -> Space {
        Space {
            slot: 0,
            pages: Vec::new(),
            free: std::ptr::null_mut(),
            bump: std::ptr::null_mut(),
            end: std::ptr::null_mut(),
            drop: None,
        }
    }

    /// An unused slot for a `GcBox<T>`.
    #[inline]
    pub(super) fn alloc<T: super::Trace + 'static>(&mut self) -> *mut GcBox<T> {
        if !self.free.is_null() {
            let p = self.free;
            // SAFETY: a free slot holds the link to the next one at LINK
            // (written by `sweep`), and slots are at least LINK + 8 bytes.
            self.free = unsafe { (p.add(LINK) as *mut *mut u8).read() };
            return p as *mut GcBox<T>;
        }
        if (self.end as usize) - (self.bump as usize) >= self.slot && self.slot != 0 {
            let p = self.bump;
            // SAFETY: in bounds of the last page (checked above).
            self.bump = unsafe { p.add(self.slot) };
            return p as *mut GcBox<T>;
        }
        self.new_page::<T>()
    }

    #[cold]
    #[inline(never)]
    fn new_page<T: super::Trace + 'static>(&mut self) -> *mut GcBox<T> {
        if self.slot == 0 {
            let size = std::mem::size_of::<GcBox<T>>().max(LINK + 8);
            assert!(std::mem::align_of::<GcBox<T>>() <= ALIGN && size <= PAGE);
            self.slot = size.next_multiple_of(std::mem::align_of::<GcBox<T>>());
            self.drop = Some(drop_slot::<T>);
        }
        // SAFETY: the layout has a non-zero size.
        let page = unsafe { std::alloc::alloc(page_layout()) };
        let Some(page) = NonNull::new(page) else {
            std::alloc::handle_alloc_error(page_layout());
        };
        self.pages.push(page);
        // SAFETY: the first slot of a fresh page of PAGE bytes.
        unsafe {
            self.bump = page.as_ptr().add(self.slot);
            self.end = page.as_ptr().add(PAGE);
        }
        page.as_ptr() as *mut GcBox<T>
    }

    /// The slots of page `i` that have been handed out at some time.
    fn carved(&self, i: usize) -> usize {
        let page = self.pages[i].as_ptr() as usize;
        if i + 1 == self.pages.len() {
            (self.bump as usize - page) / self.slot
        } else {
            PAGE / self.slot
        }
    }

    /// Free every unmarked object, unmark the others, and thread the free
    /// slots into the free list in address order. Returns (objects live,
    /// their bytes, objects freed).
    pub(super) fn sweep(&mut self) -> (usize, usize, u64) {
        let (mut live, mut bytes, mut freed) = (0usize, 0usize, 0u64);
        let Some(drop) = self.drop else {
            return (0, 0, 0);
        };
        self.free = std::ptr::null_mut();
        let mut tail: *mut *mut u8 = &mut self.free;
        let last = self.pages.len().saturating_sub(1);
        let mut kept = Vec::with_capacity(self.pages.len());
        let mut released = Vec::new();
        for i in 0..self.pages.len() {
            let page = self.pages[i].as_ptr();
            let n = self.carved(i);
            let mut page_live = 0;
            let free_before = tail;
            for s in 0..n {
                // SAFETY: slot `s` of this page, handed out before.
                let p = unsafe { page.add(s * self.slot) };
                let h = p as *mut Header;
                // SAFETY: every slot starts with a header.
                let size = unsafe { (*h).size };
                if size != 0 {
                    // SAFETY: as above.
                    if unsafe { (*h).marked.get() } {
                        unsafe { (*h).marked.set(false) };
                        page_live += 1;
                        bytes += size as usize;
                        continue;
                    }
                    // SAFETY: unreachable from every root, so no `Gc` to
                    // it is used again; dropped once, then marked free.
                    unsafe {
                        drop(p);
                        (*h).size = 0;
                    }
                    freed += 1;
                }
                // SAFETY: link this free slot at the tail of the list.
                unsafe {
                    *tail = p;
                    tail = p.add(LINK) as *mut *mut u8;
                }
            }
            if page_live == 0 && i != last {
                // Nothing left on it: give it back, and take its slots off
                // the list again.
                // SAFETY: `free_before` is the link this page's first free
                // slot was written to (a slot of an earlier page, or
                // `self.free`), still valid.
                unsafe { *free_before = std::ptr::null_mut() };
                tail = free_before;
                released.push(self.pages[i]);
            } else {
                kept.push(self.pages[i]);
                live += page_live;
            }
        }
        // SAFETY: end the list.
        unsafe { *tail = std::ptr::null_mut() };
        for p in released {
            // SAFETY: allocated with this layout; no slot of it is in use
            // or on the free list.
            unsafe { std::alloc::dealloc(p.as_ptr(), page_layout()) };
        }
        self.pages = kept;
        (live, bytes, freed)
    }

    /// Pages this space holds.
    pub(super) fn pages(&self) -> usize {
        self.pages.len()
    }
}

impl Drop for Space {
    fn drop(&mut self) {
        if let Some(drop) = self.drop {
            for i in 0..self.pages.len() {
                let page = self.pages[i].as_ptr();
                for s in 0..self.carved(i) {
                    // SAFETY: a slot handed out before; in use if its size
                    // is not 0. The heap is going away with its evaluator,
                    // and no value of it may be used afterwards.
                    unsafe {
                        let p = page.add(s * self.slot);
                        if (*(p as *mut Header)).size != 0 {
                            drop(p);
                        }
                    }
                }
            }
        }
        for p in self.pages.drain(..) {
            // SAFETY: allocated with this layout.
            unsafe { std::alloc::dealloc(p.as_ptr(), page_layout()) };
        }
    }
}

/// Run the destructor of the `GcBox<T>` at `p`.
unsafe fn drop_slot<T: super::Trace + 'static>(p: *mut u8) {
    std::ptr::drop_in_place(p as *mut GcBox<T>);
}
