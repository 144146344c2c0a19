#!/usr/bin/env python3
"""A private copy of current C++ Nix (Debian forky's nix-bin 2.34.8), for
judging what Nix 2.8 cannot: type errors in current Nix's wording and the
cases marked `# oracle-skip:`.

Nothing is installed system-wide and /nix is never touched.  `setup`
downloads, from the Debian mirror this machine's apt sources name
(/etc/apt/sources.list and sources.list.d, one-line and deb822 formats;
$TANGLE_DEBIAN_MIRROR overrides it, deb.debian.org is the fallback),
forky's Packages index (its SHA256 checked against the
suite's InRelease, whose signature gpgv checks against Debian's archive
keyring when both are installed), takes nix-bin and, from its dependency
closure, only the packages that hold a shared library the `nix` binary
loads (its ELF DT_NEEDED entries, followed transitively; perl, curl, xz and
the other helper programs in nix-bin's Depends are not needed to evaluate),
checks every .deb against the SHA256 in the index, and unpacks them into a
prefix:

  $TANGLE_CURRENT_NIX_PREFIX   (default ~/.cache/tangle/nix-2.34.8)

Forky is Debian testing, so its packages move: the suites in SUITES are
tried in order (forky, then sid) and the first whose index holds nix-bin
NIX_VERSION is used, with every library taken from that same index.  A
library is looked for first in the packages named by the Depends of the
packages already taken (best name match first); a soname none of them holds
(a dependency Debian renamed or moved) is looked up in the suite's
main/Contents-amd64 index (also checked against InRelease), so new or
renamed libraries (a newer libstdc++, boost, libcurl, ...) resolve without
editing this file.

Forky's glibc and libstdc++ are newer than a bookworm system's, so the
binary is started through forky's own dynamic loader from the prefix:

  PREFIX/root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
      --library-path PREFIX/root/usr/lib/x86_64-linux-gnu:...
      --argv0 nix-instantiate PREFIX/root/usr/bin/nix ARGS...

(`nix-instantiate` is a symlink to `nix`, which dispatches on argv[0]).
Evaluation needs no daemon and no real store: `run` passes
`--store dummy://` (a store that holds nothing and cannot build; enough for
`--eval`, including derivations, whose paths are computed without writing
them), points NIX_CONF_DIR, NIX_STATE_DIR, NIX_LOG_DIR, NIX_DATA_DIR, HOME
and the XDG directories into a private directory under the prefix.
Experimental features are off, as in a fresh installation (a case that
uses one enables it in its `# args:`).  NIX_PATH is cleared.

Usage:
  current_nix.py setup        fetch and unpack (idempotent; prints the prefix)
  current_nix.py run ARGS...  behave like `nix-instantiate ARGS...`
  current_nix.py closure      print the packages `setup` picks, and why

Exit status of `setup` is 0 when the binary runs; on any failure (no
network, checksum mismatch, loader error) it prints one line starting with
"current-nix unavailable:" and exits 3.
"""
import gzip
import hashlib
import json
import lzma
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import urllib.request

NIX_VERSION = "2.34.8"
DEFAULT_MIRROR = "http://deb.debian.org/debian"
APT_SOURCES = "/etc/apt/sources.list"
APT_SOURCES_DIR = "/etc/apt/sources.list.d"
# Suites that name a Debian release or its aliases; an entry for one of
# them is a mirror of the main archive (security, updates and backports
# suites have a `-` and often live elsewhere).
_RELEASE_SUITE = re.compile(r"^[a-z]+$")


def _one_line_sources(text):
    """(types, [uri], [suite], [component]) of the one-line entries of a
    sources.list file (`deb [OPTIONS] URI SUITE COMPONENT...`)."""
    for line in text.split("\n"):
        line = line.split("#", 1)[0].strip()
        line = re.sub(r"\[[^\]]*\]", " ", line)
        parts = line.split()
        if len(parts) >= 3:
            yield [parts[0]], [parts[1]], [parts[2]], parts[3:]


def _deb822_sources(text):
    """The same for a deb822 `.sources` file (stanzas of `Types:`,
    `URIs:`, `Suites:`, `Components:`, `Enabled:`)."""
    for stanza in re.split(r"\n[ \t]*\n", text):
        fields = {}
        key = None
        for line in stanza.split("\n"):
            if line.startswith("#") or not line.strip():
                continue
            if line[0] in " \t" and key:
                fields[key] += " " + line.strip()
                continue
            key, _, value = line.partition(":")
            key = key.strip().lower()
            fields[key] = value.strip()
        if fields.get("enabled", "yes").lower() == "no":
            continue
        yield (fields.get("types", "").split(), fields.get("uris", "").split(),
               fields.get("suites", "").split(), fields.get("components", "").split())


def apt_mirror():
    """The Debian mirror this machine's apt uses: the URI of the first
    enabled `deb` entry, in /etc/apt/sources.list then the files of
    /etc/apt/sources.list.d (`*.list` one-line entries, `*.sources`
    deb822 stanzas) in name order, whose suite is a release (no `-`, so
    not security or updates) with the `main` component; None if none is.
    So a mirror or caching proxy configured for apt is used here too."""
    files = [APT_SOURCES]
    try:
        files += [os.path.join(APT_SOURCES_DIR, n) for n in sorted(os.listdir(APT_SOURCES_DIR))]
    except OSError:
        pass
    for path in files:
        if path.endswith(".sources"):
            parse = _deb822_sources
        elif path.endswith(".list"):
            parse = _one_line_sources
        else:
            continue
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
        except OSError:
            continue
        for types, uris, suites, components in parse(text):
            if "deb" not in types or "main" not in components:
                continue
            if not any(_RELEASE_SUITE.match(s) for s in suites):
                continue
            for uri in uris:
                if uri.startswith(("http://", "https://")):
                    return uri.rstrip("/")
    return None


# $TANGLE_DEBIAN_MIRROR, else apt's own mirror, else Debian's redirector.
MIRROR = os.environ.get("TANGLE_DEBIAN_MIRROR") or apt_mirror() or DEFAULT_MIRROR
# Tried in order; the first whose index holds nix-bin NIX_VERSION is used.
SUITES = ("forky", "sid")
ARCH = "amd64"
ROOT_PACKAGE = "nix-bin"
BINARY = "usr/bin/nix"
LIB_DIRS = ("usr/lib/x86_64-linux-gnu", "lib/x86_64-linux-gnu", "usr/lib64", "lib64", "usr/lib")
LOADER = "ld-linux-x86-64.so.2"
MANIFEST = "manifest.json"


class Unavailable(Exception):
    """Current Nix cannot be set up or run here (the message says why)."""


def prefix():
    """Where the unpacked packages live."""
    p = os.environ.get("TANGLE_CURRENT_NIX_PREFIX")
    if p:
        return os.path.abspath(p)
    return os.path.join(os.path.expanduser("~"), ".cache", "tangle", "nix-" + NIX_VERSION)


def root_dir():
    return os.path.join(prefix(), "root")


def log(msg):
    print("current-nix: " + msg, file=sys.stderr)


# ---------------------------------------------------------------- download


def fetch(url, timeout=120):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.read()
    except Exception as e:  # network errors of every kind
        raise Unavailable("cannot download %s: %s" % (url, e))


def index_file(suite, name):
    """One file of a suite's index (`main/...`), its SHA256 checked against
    the suite's InRelease."""
    data = fetch("%s/dists/%s/%s" % (MIRROR, suite, name))
    want = release_sha256s(suite).get(name)
    got = hashlib.sha256(data).hexdigest()
    if want != got:
        raise Unavailable("SHA256 of %s's %s is %s, the Release file says %s" % (
            suite, name, got, want))
    return data


def packages_index(suite):
    """A suite's main/binary-amd64 Packages index as ({name: fields},
    {virtual name: name}); fetched afresh by every setup (it is only read
    then), so its file names are the mirror's current ones."""
    name = "main/binary-%s/Packages.xz" % ARCH
    data = index_file(suite, name)
    try:
        text = lzma.decompress(data).decode("utf-8", "replace")
    except lzma.LZMAError as e:
        raise Unavailable("the Packages index does not decompress: %s" % e)
    index = {}
    provides = {}
    for stanza in text.split("\n\n"):
        fields = {}
        key = None
        for line in stanza.split("\n"):
            if not line:
                continue
            if line[0] in " \t" and key:
                fields[key] += "\n" + line
                continue
            key, _, value = line.partition(":")
            fields[key] = value.strip()
        name = fields.get("Package")
        if not name:
            continue
        index[name] = fields
        for p in split_relations(fields.get("Provides", "")):
            for alt in p:
                provides.setdefault(alt, name)
    return index, provides


def library_contents(suite):
    """{file name: [package, ...]} for every file in a library directory of
    the suite's main/Contents-amd64 index: which packages ship a soname.
    Only read when nix-bin's dependency closure does not provide one."""
    data = index_file(suite, "main/Contents-%s.gz" % ARCH)
    try:
        text = gzip.decompress(data).decode("utf-8", "replace")
    except (OSError, EOFError) as e:
        raise Unavailable("the Contents index does not decompress: %s" % e)
    dirs = tuple(d + "/" for d in LIB_DIRS)
    out = {}
    for line in text.split("\n"):
        if not line.startswith(dirs):
            continue
        path, _, where = line.rpartition(" ")
        path = path.strip()
        d, _, base = path.rpartition("/")
        if d not in LIB_DIRS or ".so" not in base:
            continue
        for qualified in where.split(","):
            name = qualified.rpartition("/")[2]
            if name and name not in out.setdefault(base, []):
                out[base].append(name)
    return out


KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg"
_RELEASES = {}


def release_sha256s(suite):
    """{index file: SHA256} from the suite's InRelease, whose signature is
    checked with gpgv against Debian's archive keyring when both exist
    (read once per run, so every index file is checked against the same
    Release)."""
    if suite in _RELEASES:
        return _RELEASES[suite]
    text = fetch("%s/dists/%s/InRelease" % (MIRROR, suite))
    gpgv = shutil.which("gpgv")
    if gpgv and os.path.exists(KEYRING):
        with tempfile.NamedTemporaryFile(suffix=".InRelease") as f:
            f.write(text)
            f.flush()
            p = subprocess.run([gpgv, "--keyring", KEYRING, f.name], capture_output=True)
        if p.returncode != 0:
            raise Unavailable("the signature of %s's InRelease does not verify: %s" % (
                suite, p.stderr.decode(errors="replace").strip()[-300:]))
    else:
        log("gpgv or %s missing: InRelease's signature is not checked" % KEYRING)
    out = {}
    in_sha256 = False
    for line in text.decode("utf-8", "replace").split("\n"):
        if not line.startswith(" "):
            in_sha256 = line.startswith("SHA256:")
            continue
        parts = line.split()
        if in_sha256 and len(parts) == 3:
            out[parts[2]] = parts[0]
    _RELEASES[suite] = out
    return out


def is_wanted_version(version):
    """True if a Debian version string (`[EPOCH:]UPSTREAM[+dfsg][-REV]`) is
    NIX_VERSION's packaging (2.34.8+dfsg-1+b1, but not 2.34.80 or 2.34.8~rc1)."""
    upstream = version.split(":", 1)[-1]
    return re.match(re.escape(NIX_VERSION) + r"(?:[+-]|$)", upstream) is not None


def suite_index():
    """(suite, index, provides) of the first suite in SUITES whose index
    holds nix-bin NIX_VERSION."""
    found = []
    for suite in SUITES:
        index, provides = packages_index(suite)
        fields = index.get(ROOT_PACKAGE)
        version = fields.get("Version", "") if fields else ""
        if fields and is_wanted_version(version):
            return suite, index, provides
        found.append("%s has %s" % (suite, version or "no " + ROOT_PACKAGE))
    raise Unavailable("%s %s is in none of %s (%s); update NIX_VERSION in %s" % (
        ROOT_PACKAGE, NIX_VERSION, ", ".join(SUITES), "; ".join(found),
        os.path.basename(__file__)))


def split_relations(field):
    """A Depends-style field as a list of alternatives lists of names."""
    out = []
    for group in field.split(","):
        group = group.strip()
        if not group:
            continue
        alts = []
        for alt in group.split("|"):
            name = re.sub(r"\(.*?\)|\[.*?\]|<.*?>", "", alt).strip().split(":")[0]
            if name:
                alts.append(name)
        out.append(alts)
    return out


def download_deb(fields):
    """The .deb of a package (cached in the prefix), its SHA256 checked
    against the index."""
    name = fields["Package"]
    want = fields.get("SHA256", "")
    debs = os.path.join(prefix(), "debs")
    os.makedirs(debs, exist_ok=True)
    path = os.path.join(debs, os.path.basename(fields["Filename"]))
    if os.path.exists(path) and sha256_file(path) == want:
        return path
    log("downloading %s %s" % (name, fields.get("Version", "")))
    data = fetch("%s/%s" % (MIRROR, fields["Filename"]))
    got = hashlib.sha256(data).hexdigest()
    if got != want:
        raise Unavailable("SHA256 mismatch for %s: index says %s, download is %s" % (
            fields["Filename"], want, got))
    with open(path + ".part", "wb") as f:
        f.write(data)
    os.replace(path + ".part", path)
    return path


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def unpack(deb, dest):
    os.makedirs(dest, exist_ok=True)
    try:
        p = subprocess.run(["dpkg-deb", "-x", deb, dest], capture_output=True)
    except OSError as e:
        raise Unavailable("cannot run dpkg-deb: %s" % e)
    if p.returncode != 0:
        raise Unavailable("dpkg-deb -x %s failed: %s" % (deb, p.stderr.decode(errors="replace")))


# ---------------------------------------------------------------- ELF


def elf_needed(path):
    """The DT_NEEDED entries of a 64-bit little-endian ELF file."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return []
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    loads = []
    dynamic = None
    for i in range(phnum):
        off = phoff + i * phentsize
        p_type, _flags, p_offset, p_vaddr, _paddr, p_filesz = struct.unpack_from("<IIQQQQ", data, off)
        if p_type == 1:
            loads.append((p_vaddr, p_offset, p_filesz))
        elif p_type == 2:
            dynamic = (p_offset, p_filesz)
    if dynamic is None:
        return []

    def file_offset(vaddr):
        for v, o, sz in loads:
            if v <= vaddr < v + sz:
                return o + (vaddr - v)
        return None

    needed_offsets = []
    strtab = None
    off, size = dynamic
    for i in range(size // 16):
        tag, val = struct.unpack_from("<qQ", data, off + 16 * i)
        if tag == 0:
            break
        if tag == 1:
            needed_offsets.append(val)
        elif tag == 5:
            strtab = file_offset(val)
    if strtab is None:
        return []
    out = []
    for n in needed_offsets:
        start = strtab + n
        end = data.index(b"\0", start)
        out.append(data[start:end].decode("ascii", "replace"))
    return out


def find_library(tree, soname):
    """The file a soname resolves to inside an unpacked tree, or None."""
    for d in LIB_DIRS:
        p = os.path.join(tree, d, soname)
        for _ in range(16):
            if not os.path.lexists(p):
                break
            if not os.path.islink(p):
                return p
            target = os.readlink(p)
            p = os.path.join(tree, target.lstrip("/")) if target.startswith("/") \
                else os.path.join(os.path.dirname(p), target)
    return None


# ---------------------------------------------------------------- closure


def _letters(s):
    return re.sub(r"[^a-z]", "", s.replace("t64", "").lower())


def _guess_order(soname, candidates):
    """Candidates ordered by how well their name matches the soname
    (`libfoo.so.N` is usually in package `libfooN`), best first."""
    base = _letters(soname.split(".so")[0])

    def score(name):
        n = _letters(name)
        if n == base:
            return 0
        if base.startswith(n) and n.startswith("lib") and len(n) > 4:
            return 1
        return 2

    return sorted(candidates, key=lambda c: (score(c), candidates.index(c)))


def resolve_closure():
    """Download and unpack nix-bin and the packages holding the shared
    libraries it loads, into PREFIX/pkgs/NAME; returns ([(package,
    reason)], {package: tree}, suite)."""
    suite, index, provides = suite_index()

    def lookup(name):
        if name in index:
            return index[name]
        if name in provides:
            return index[provides[name]]
        return None

    root_fields = index[ROOT_PACKAGE]
    pkgs = os.path.join(prefix(), "pkgs")
    trees = {}

    def tree_of(fields):
        name = fields["Package"]
        if name not in trees:
            dest = os.path.join(pkgs, name + "_" + fields["Version"].replace(":", "%"))
            if not os.path.isdir(dest):
                unpack(download_deb(fields), dest + ".part")
                os.replace(dest + ".part", dest)
            trees[name] = dest
        return trees[name]

    selected = [(ROOT_PACKAGE, "the nix binary")]
    provider = {}  # soname -> package
    candidates = []  # names from the Depends of selected packages, in order

    def select(fields, why):
        selected.append((fields["Package"], why))
        for field in ("Pre-Depends", "Depends"):
            for group in split_relations(fields.get(field, "")):
                candidates.extend(group)

    def is_library_package(fields):
        # Shared libraries are in section "libs"; perl, curl, xz-utils,
        # bash-static (the helper programs nix-bin depends on) are not.
        return fields is not None and fields.get("Section", "").split("/")[-1] == "libs"

    tree_of(root_fields)
    select(root_fields, "the nix binary")
    selected.pop(0)
    work = [os.path.join(trees[ROOT_PACKAGE], BINARY)]
    unresolved = []
    seen_files = set()
    contents = None  # library_contents(suite), read only if needed
    while work or unresolved:
        while work:
            f = work.pop()
            if f in seen_files:
                continue
            seen_files.add(f)
            for so in elf_needed(f):
                if so not in provider and so not in unresolved:
                    unresolved.append(so)
        if not unresolved:
            break
        so = unresolved[0]
        hit = None
        # A package already unpacked may hold it (selected ones first).
        chosen = [n for n, _ in selected]
        for name in chosen + [n for n in trees if n not in chosen]:
            p = find_library(trees[name], so)
            if p:
                hit = (name, p)
                if name not in chosen:
                    select(index[name], "provides " + so)
                break
        if hit is None:
            pending = []
            for cand in candidates:
                fields = lookup(cand)
                if is_library_package(fields) and fields["Package"] not in trees \
                        and fields["Package"] not in pending:
                    pending.append(fields["Package"])
            for name in _guess_order(so, pending):
                p = find_library(tree_of(index[name]), so)
                if p:
                    hit = (name, p)
                    select(index[name], "provides " + so)
                    break
        if hit is None:
            # Not in the dependency closure as the Depends name it: ask the
            # suite's Contents index which library package ships it.
            if contents is None:
                log("%s is not in nix-bin's dependency closure; reading %s's Contents index"
                    % (so, suite))
                contents = library_contents(suite)
            for cand in contents.get(so, []):
                fields = lookup(cand)
                if fields is None or fields["Package"] in trees:
                    continue
                p = find_library(tree_of(fields), so)
                if p:
                    hit = (fields["Package"], p)
                    select(fields, "provides %s (%s's Contents index)" % (so, suite))
                    break
        if hit is None:
            raise Unavailable("no package in %s provides %s (not in nix-bin's dependency "
                              "closure nor in the Contents index)" % (suite, so))
        provider[so] = hit[0]
        unresolved.remove(so)
        work.append(hit[1])
    # The loader itself comes with libc6.
    if not any(n == "libc6" for n, _ in selected):
        tree_of(lookup("libc6"))
        selected.append(("libc6", "the dynamic loader"))
    return selected, trees, suite


def setup():
    """Make PREFIX/root hold nix and its libraries; returns the prefix."""
    root = root_dir()
    manifest = os.path.join(prefix(), MANIFEST)
    if os.path.exists(manifest) and os.path.exists(os.path.join(root, BINARY)):
        return prefix()
    selected, trees, suite = resolve_closure()
    tmp = root + ".part"
    shutil.rmtree(tmp, ignore_errors=True)
    for name, _ in selected:
        merge_tree(trees[name], tmp)
    shutil.rmtree(root, ignore_errors=True)
    os.replace(tmp, root)
    # The per-package trees are only needed to build the root (the .debs
    # stay, checked, for a rebuild).
    shutil.rmtree(os.path.join(prefix(), "pkgs"), ignore_errors=True)
    with open(manifest, "w") as f:
        json.dump({"version": NIX_VERSION, "suite": suite,
                   "packages": [[name, why, package_version(trees[name])]
                                for name, why in selected]}, f, indent=1)
    return prefix()


def package_version(tree):
    """The Debian version of an unpacked package, from its tree's name
    (PREFIX/pkgs/NAME_VERSION, ':' written '%')."""
    return os.path.basename(tree).split("_", 1)[1].replace("%", ":")


def merge_tree(src, dest):
    """Copy an unpacked package into the combined root (symlinks kept)."""
    for dirpath, dirnames, filenames in os.walk(src):
        rel = os.path.relpath(dirpath, src)
        out = os.path.join(dest, rel)
        os.makedirs(out, exist_ok=True)
        for n in filenames + [d for d in dirnames if os.path.islink(os.path.join(dirpath, d))]:
            s, d = os.path.join(dirpath, n), os.path.join(out, n)
            if os.path.lexists(d):
                continue
            if os.path.islink(s):
                os.symlink(os.readlink(s), d)
            else:
                shutil.copy2(s, d)


# ---------------------------------------------------------------- run


def loader_path():
    for d in LIB_DIRS:
        p = os.path.join(root_dir(), d, LOADER)
        if os.path.exists(p):
            return os.path.realpath(p)
    raise Unavailable("no %s in %s" % (LOADER, root_dir()))


def command(args, program="nix-instantiate"):
    """The argv that runs current Nix's `program` (a name `nix` dispatches
    on) with `args`, and the environment to run it in."""
    root = root_dir()
    libpath = ":".join(os.path.join(root, d) for d in LIB_DIRS if os.path.isdir(os.path.join(root, d)))
    state = os.path.join(prefix(), "state")
    env = dict(os.environ)
    env.pop("NIX_PATH", None)
    env.pop("NIX_REMOTE", None)
    env.pop("LD_LIBRARY_PATH", None)
    env.pop("LD_PRELOAD", None)
    for var, sub in (("NIX_CONF_DIR", "etc"), ("NIX_STATE_DIR", "var"),
                     ("NIX_LOG_DIR", "log"), ("NIX_DATA_DIR", "share"),
                     ("HOME", "home"), ("XDG_CACHE_HOME", "home/.cache"),
                     ("XDG_CONFIG_HOME", "home/.config"), ("XDG_DATA_HOME", "home/.local/share"),
                     ("XDG_STATE_HOME", "home/.local/state")):
        env[var] = os.path.join(state, sub)
        os.makedirs(env[var], exist_ok=True)
    env.pop("XDG_CONFIG_DIRS", None)
    env["NIX_CONFIG"] = ""
    argv = [loader_path(), "--library-path", libpath, "--argv0", program,
            os.path.join(root, BINARY)]
    if "--store" not in args:
        argv += ["--store", "dummy://"]
    argv += list(args)
    return argv, env


def run(args, **kw):
    """subprocess.run of current nix-instantiate with `args`."""
    argv, env = command(args)
    return subprocess.run(argv, env=env, **kw)


def ensure():
    """Set up (if needed) and check that the binary runs; raises
    Unavailable with the reason otherwise."""
    setup()
    try:
        p = run(["--eval", "-E", "builtins.nixVersion"], capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as e:
        raise Unavailable("cannot start the unpacked nix: %s" % e)
    out = p.stdout.decode(errors="replace").strip()
    if p.returncode != 0 or out != '"%s"' % NIX_VERSION:
        raise Unavailable("the unpacked nix does not run (exit %d): %s%s" % (
            p.returncode, out, p.stderr.decode(errors="replace").strip()[:800]))
    return prefix()


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("setup", "run", "closure"):
        print(__doc__)
        return 2
    try:
        if sys.argv[1] == "setup":
            print(ensure())
            return 0
        if sys.argv[1] == "closure":
            setup()
            with open(os.path.join(prefix(), MANIFEST)) as f:
                manifest = json.load(f)
                print("nix-bin %s from Debian %s" % (manifest["version"], manifest.get("suite", "?")))
                for entry in manifest["packages"]:
                    name, why = entry[0], entry[1]
                    version = entry[2] if len(entry) > 2 else ""
                    print("%-28s %-22s %s" % (name, version, why))
            return 0
        if not os.path.exists(os.path.join(prefix(), MANIFEST)):
            setup()
        argv, env = command(sys.argv[2:])
        os.execve(argv[0], argv, env)
    except Unavailable as e:
        print("current-nix unavailable: %s" % e, file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
