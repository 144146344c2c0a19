//! Derivations against Nix 2.8. Every `.drv` text below is `cat` of the
//! file that `nix-instantiate drvs.nix -A ATTR` wrote to /nix/store, and
//! each output path is the `outPath` that
//! `nix-instantiate --eval --strict -E 'with import ./drvs.nix; ATTR.outPath'`
//! printed, where drvs.nix is:
//!
//! ```nix
//! rec {
//!   simple = derivation { name = "x"; system = "x86_64-linux"; builder = "/bin/sh"; };
//!   multi = derivation {
//!     name = "multi"; system = "x86_64-linux"; builder = "/bin/sh";
//!     args = [ "-c" "echo \"hi\" \\ done\n\ttab\r" ];
//!     outputs = [ "out" "dev" "lib" ];
//!     weird = "quote\" backslash\\ nl\n cr\r tab\t end";
//!     unicode = "héllo ☃";
//!     empty = "";
//!   };
//!   fixedFlat = derivation {
//!     name = "fixed-flat"; system = "x86_64-linux"; builder = "/bin/sh";
//!     outputHashMode = "flat"; outputHashAlgo = "sha256";
//!     outputHash = "0ip26j2h11n1kgkz36rl4akv694yz65hr72q4kv4b3lxcbi65b3p";
//!   };
//!   fixedRec = derivation {
//!     name = "fixed-rec"; system = "x86_64-linux"; builder = "/bin/sh";
//!     outputHashMode = "recursive"; outputHashAlgo = "sha256";
//!     outputHash = "05damgjnmxsw9rjkk6c23s24mn3jwllllnv17619l6sj385xn7gn";
//!   };
//!   fixedSha1 = derivation {
//!     name = "fixed-sha1"; system = "x86_64-linux"; builder = "/bin/sh";
//!     outputHashAlgo = "sha1";
//!     outputHash = "f572d396fae9206628714fb2ce00f72e94f2258f";
//!   };
//!   fixedRecSha512 = derivation {
//!     name = "fixed-rec-sha512"; system = "x86_64-linux"; builder = "/bin/sh";
//!     outputHashMode = "recursive";
//!     outputHash = "sha512-58IrmUxZ2c8rSOVJseJGZmNgRZMNPafBrLKZ0cO3+TH5Sq5B7dosKyB6NuEPi8uNRSI+VIePWzFufOO2vAGWKQ==";
//!   };
//!   src = builtins.toFile "builder.sh" "echo hi";
//!   dependent = derivation {
//!     name = "dependent"; system = "x86_64-linux"; builder = "/bin/sh";
//!     args = [ src ];
//!     a = simple; b = multi.dev; c = fixedFlat; d = "${multi.lib}/lib"; e = fixedRec;
//!   };
//!   dependent2 = derivation {
//!     name = "dependent2"; system = "x86_64-linux"; builder = "${dependent}/bin/sh";
//!     x = multi;
//!   };
//! }
//! ```

use std::collections::{BTreeMap, BTreeSet};
use tangle_store::path::text_path_for;
use tangle_store::{
    Derivation, DerivationError, DerivationOutput, FileIngestionMethod, Hash, HashAlgo, StorePath,
    DEFAULT_STORE_DIR as S,
};

const SIMPLE: (&str, &str) = (
    "/nix/store/97qlv6h78lxlm9zc8849ahsbcklhsi2y-x.drv",
    r##"Derive([("out","/nix/store/s668cfx1vrqfjryf96jj8wfhg7f67dhj-x","","")],[],[],"x86_64-linux","/bin/sh",[],[("builder","/bin/sh"),("name","x"),("out","/nix/store/s668cfx1vrqfjryf96jj8wfhg7f67dhj-x"),("system","x86_64-linux")])"##,
);

const MULTI: (&str, &str) = (
    "/nix/store/3v0gp2pd3f16kih2lkfd8gi62qzrri4z-multi.drv",
    r##"Derive([("dev","/nix/store/kkw0dk536waxg5aygdl5ipkhdacjlfwh-multi-dev","",""),("lib","/nix/store/06zczj2mc1siyrys32pmkby09y54sb6w-multi-lib","",""),("out","/nix/store/wwm68zy70nkrczphmdbvmlns833832xc-multi","","")],[],[],"x86_64-linux","/bin/sh",["-c","echo \"hi\" \\ done\n\ttab\r"],[("builder","/bin/sh"),("dev","/nix/store/kkw0dk536waxg5aygdl5ipkhdacjlfwh-multi-dev"),("empty",""),("lib","/nix/store/06zczj2mc1siyrys32pmkby09y54sb6w-multi-lib"),("name","multi"),("out","/nix/store/wwm68zy70nkrczphmdbvmlns833832xc-multi"),("outputs","out dev lib"),("system","x86_64-linux"),("unicode","héllo ☃"),("weird","quote\" backslash\\ nl\n cr\r tab\t end")])"##,
);

const FIXED_FLAT: (&str, &str) = (
    "/nix/store/vib72k33gl8i2jrgmbg33b6hkpw9ics9-fixed-flat.drv",
    r##"Derive([("out","/nix/store/r2ipwgncxv44aldrv2jrn5jkydx0m1i5-fixed-flat","sha256","77ac62e2629d8e45f624589c0c8bf99e24b3a722349bf1e79bc186008534e246")],[],[],"x86_64-linux","/bin/sh",[],[("builder","/bin/sh"),("name","fixed-flat"),("out","/nix/store/r2ipwgncxv44aldrv2jrn5jkydx0m1i5-fixed-flat"),("outputHash","0ip26j2h11n1kgkz36rl4akv694yz65hr72q4kv4b3lxcbi65b3p"),("outputHashAlgo","sha256"),("outputHashMode","flat"),("system","x86_64-linux")])"##,
);

const FIXED_REC: (&str, &str) = (
    "/nix/store/2404j8bhgm4f17pdd611zaj0kl4wlyfd-fixed-rec.drv",
    r##"Derive([("out","/nix/store/8g6p2920s4yxcmh3mw679ai3zf2r365i-fixed-rec","r:sha256","f61ddb0b1a521b9a8239615b4a29e572d84a841e829939654e5cf76ae5abaa15")],[],[],"x86_64-linux","/bin/sh",[],[("builder","/bin/sh"),("name","fixed-rec"),("out","/nix/store/8g6p2920s4yxcmh3mw679ai3zf2r365i-fixed-rec"),("outputHash","05damgjnmxsw9rjkk6c23s24mn3jwllllnv17619l6sj385xn7gn"),("outputHashAlgo","sha256"),("outputHashMode","recursive"),("system","x86_64-linux")])"##,
);

const FIXED_SHA1: (&str, &str) = (
    "/nix/store/12cyl11580kidqj957qd5qgm25kagk5c-fixed-sha1.drv",
    r##"Derive([("out","/nix/store/nmgdpynwhd4yljfay4r39m8n1m0khqf9-fixed-sha1","sha1","f572d396fae9206628714fb2ce00f72e94f2258f")],[],[],"x86_64-linux","/bin/sh",[],[("builder","/bin/sh"),("name","fixed-sha1"),("out","/nix/store/nmgdpynwhd4yljfay4r39m8n1m0khqf9-fixed-sha1"),("outputHash","f572d396fae9206628714fb2ce00f72e94f2258f"),("outputHashAlgo","sha1"),("system","x86_64-linux")])"##,
);

const FIXED_REC_SHA512: (&str, &str) = (
    "/nix/store/6s13dvxbfg6gnk53f22cah2ksjk0r2ph-fixed-rec-sha512.drv",
    r##"Derive([("out","/nix/store/50hbcnsxbzq5m62y00m3dnasc3bx09jq-fixed-rec-sha512","r:sha512","e7c22b994c59d9cf2b48e549b1e24666636045930d3da7c1acb299d1c3b7f931f94aae41edda2c2b207a36e10f8bcb8d45223e54878f5b316e7ce3b6bc019629")],[],[],"x86_64-linux","/bin/sh",[],[("builder","/bin/sh"),("name","fixed-rec-sha512"),("out","/nix/store/50hbcnsxbzq5m62y00m3dnasc3bx09jq-fixed-rec-sha512"),("outputHash","sha512-58IrmUxZ2c8rSOVJseJGZmNgRZMNPafBrLKZ0cO3+TH5Sq5B7dosKyB6NuEPi8uNRSI+VIePWzFufOO2vAGWKQ=="),("outputHashMode","recursive"),("system","x86_64-linux")])"##,
);

const DEPENDENT: (&str, &str) = (
    "/nix/store/gdk0r6syyc6jk2cikxclp71q9vkk6fc2-dependent.drv",
    r##"Derive([("out","/nix/store/v7vm654j4k2na7giivnkr1iiw4vbvfpi-dependent","","")],[("/nix/store/2404j8bhgm4f17pdd611zaj0kl4wlyfd-fixed-rec.drv",["out"]),("/nix/store/3v0gp2pd3f16kih2lkfd8gi62qzrri4z-multi.drv",["dev","lib"]),("/nix/store/97qlv6h78lxlm9zc8849ahsbcklhsi2y-x.drv",["out"]),("/nix/store/vib72k33gl8i2jrgmbg33b6hkpw9ics9-fixed-flat.drv",["out"])],["/nix/store/2k042fnf3s5g7cg8yir7nn33fqbmi5km-builder.sh"],"x86_64-linux","/bin/sh",["/nix/store/2k042fnf3s5g7cg8yir7nn33fqbmi5km-builder.sh"],[("a","/nix/store/s668cfx1vrqfjryf96jj8wfhg7f67dhj-x"),("b","/nix/store/kkw0dk536waxg5aygdl5ipkhdacjlfwh-multi-dev"),("builder","/bin/sh"),("c","/nix/store/r2ipwgncxv44aldrv2jrn5jkydx0m1i5-fixed-flat"),("d","/nix/store/06zczj2mc1siyrys32pmkby09y54sb6w-multi-lib/lib"),("e","/nix/store/8g6p2920s4yxcmh3mw679ai3zf2r365i-fixed-rec"),("name","dependent"),("out","/nix/store/v7vm654j4k2na7giivnkr1iiw4vbvfpi-dependent"),("system","x86_64-linux")])"##,
);

const DEPENDENT2: (&str, &str) = (
    "/nix/store/w4d6ygv23vs7h1y819cdsva80iiqd73j-dependent2.drv",
    r##"Derive([("out","/nix/store/jkl31cayl2ylvx9195abwmp17mg8qzii-dependent2","","")],[("/nix/store/3v0gp2pd3f16kih2lkfd8gi62qzrri4z-multi.drv",["out"]),("/nix/store/gdk0r6syyc6jk2cikxclp71q9vkk6fc2-dependent.drv",["out"])],[],"x86_64-linux","/nix/store/v7vm654j4k2na7giivnkr1iiw4vbvfpi-dependent/bin/sh",[],[("builder","/nix/store/v7vm654j4k2na7giivnkr1iiw4vbvfpi-dependent/bin/sh"),("name","dependent2"),("out","/nix/store/jkl31cayl2ylvx9195abwmp17mg8qzii-dependent2"),("system","x86_64-linux"),("x","/nix/store/wwm68zy70nkrczphmdbvmlns833832xc-multi")])"##,
);

const ALL: [(&str, &str); 8] = [
    SIMPLE,
    MULTI,
    FIXED_FLAT,
    FIXED_REC,
    FIXED_SHA1,
    FIXED_REC_SHA512,
    DEPENDENT,
    DEPENDENT2,
];

fn sp(p: &str) -> StorePath {
    StorePath::parse(S, p).unwrap()
}

fn parse(v: (&str, &str)) -> Derivation {
    let path = sp(v.0);
    let name = path.name().strip_suffix(".drv").unwrap();
    Derivation::parse(S, name, v.1.as_bytes()).unwrap()
}

/// What `derivation` puts into the environment for these attributes, with
/// the outputs still blank; `fill_output_paths` does the rest.
fn new_drv(name: &str, attrs: &[(&str, &str)], outputs: &[&str]) -> Derivation {
    let mut env: BTreeMap<Vec<u8>, Vec<u8>> = attrs
        .iter()
        .map(|(k, v)| (k.as_bytes().to_vec(), v.as_bytes().to_vec()))
        .collect();
    env.insert(b"name".to_vec(), name.as_bytes().to_vec());
    Derivation {
        name: name.to_string(),
        outputs: outputs
            .iter()
            .map(|o| (o.to_string(), DerivationOutput::deferred()))
            .collect(),
        platform: env[&b"system"[..]].clone(),
        builder: env[&b"builder"[..]].clone(),
        env,
        ..Derivation::default()
    }
}

/// The hash modulo of every derivation above, as Nix records it for
/// derivations it has read or written (finished, outputs not masked).
fn known_hashes() -> BTreeMap<StorePath, Hash> {
    let mut table = BTreeMap::new();
    // In dependency order, so each lookup finds its inputs.
    for v in ALL {
        let drv = parse(v);
        let h = drv
            .hash_modulo(S, false, &|p| table.get(p).copied())
            .unwrap();
        table.insert(sp(v.0), h);
    }
    table
}

#[test]
fn aterm_round_trips_byte_for_byte() {
    for v in ALL {
        let drv = parse(v);
        assert_eq!(String::from_utf8(drv.to_aterm(S)).unwrap(), v.1, "{}", v.0);
        assert_eq!(drv.drv_path(S).unwrap(), sp(v.0));
    }
}

#[test]
fn simple_derivation_from_scratch() {
    let mut drv = new_drv(
        "x",
        &[("system", "x86_64-linux"), ("builder", "/bin/sh")],
        &["out"],
    );
    drv.fill_output_paths(S, &|_| None).unwrap();
    assert_eq!(
        drv.outputs["out"].path,
        Some(sp("/nix/store/s668cfx1vrqfjryf96jj8wfhg7f67dhj-x"))
    );
    assert_eq!(String::from_utf8(drv.to_aterm(S)).unwrap(), SIMPLE.1);
    assert_eq!(drv.drv_path(S).unwrap(), sp(SIMPLE.0));
}

#[test]
fn multiple_outputs_and_escapes() {
    let mut drv = new_drv(
        "multi",
        &[
            ("system", "x86_64-linux"),
            ("builder", "/bin/sh"),
            ("outputs", "out dev lib"),
            ("weird", "quote\" backslash\\ nl\n cr\r tab\t end"),
            ("unicode", "héllo ☃"),
            ("empty", ""),
        ],
        &["out", "dev", "lib"],
    );
    drv.args = vec![b"-c".to_vec(), b"echo \"hi\" \\ done\n\ttab\r".to_vec()];
    let fresh = drv.clone();
    drv.fill_output_paths(S, &|_| None).unwrap();
    assert_instantiates_alike(fresh, &drv, &|_| None);
    assert_eq!(
        drv.outputs["dev"].path,
        Some(sp("/nix/store/kkw0dk536waxg5aygdl5ipkhdacjlfwh-multi-dev"))
    );
    assert_eq!(String::from_utf8(drv.to_aterm(S)).unwrap(), MULTI.1);
    assert_eq!(drv.drv_path(S).unwrap(), sp(MULTI.0));
    // The parser undoes the escapes.
    let parsed = parse(MULTI);
    assert_eq!(parsed, drv);
    assert_eq!(
        parsed.env[&b"weird"[..]],
        b"quote\" backslash\\ nl\n cr\r tab\t end".to_vec()
    );
}

#[test]
fn fixed_output_derivations() {
    let cases = [
        (
            FIXED_FLAT,
            "fixed-flat",
            FileIngestionMethod::Flat,
            "sha256:0ip26j2h11n1kgkz36rl4akv694yz65hr72q4kv4b3lxcbi65b3p",
            &[
                ("outputHashMode", "flat"),
                ("outputHashAlgo", "sha256"),
                ("outputHash", "0ip26j2h11n1kgkz36rl4akv694yz65hr72q4kv4b3lxcbi65b3p"),
            ][..],
        ),
        (
            FIXED_REC,
            "fixed-rec",
            FileIngestionMethod::Recursive,
            "sha256:05damgjnmxsw9rjkk6c23s24mn3jwllllnv17619l6sj385xn7gn",
            &[
                ("outputHashMode", "recursive"),
                ("outputHashAlgo", "sha256"),
                ("outputHash", "05damgjnmxsw9rjkk6c23s24mn3jwllllnv17619l6sj385xn7gn"),
            ][..],
        ),
        (
            FIXED_SHA1,
            "fixed-sha1",
            FileIngestionMethod::Flat,
            "sha1:f572d396fae9206628714fb2ce00f72e94f2258f",
            &[
                ("outputHashAlgo", "sha1"),
                ("outputHash", "f572d396fae9206628714fb2ce00f72e94f2258f"),
            ][..],
        ),
        (
            FIXED_REC_SHA512,
            "fixed-rec-sha512",
            FileIngestionMethod::Recursive,
            "sha512-58IrmUxZ2c8rSOVJseJGZmNgRZMNPafBrLKZ0cO3+TH5Sq5B7dosKyB6NuEPi8uNRSI+VIePWzFufOO2vAGWKQ==",
            &[
                ("outputHashMode", "recursive"),
                (
                    "outputHash",
                    "sha512-58IrmUxZ2c8rSOVJseJGZmNgRZMNPafBrLKZ0cO3+TH5Sq5B7dosKyB6NuEPi8uNRSI+VIePWzFufOO2vAGWKQ==",
                ),
            ][..],
        ),
    ];
    for (v, name, method, hash, extra) in cases {
        let mut attrs = vec![("system", "x86_64-linux"), ("builder", "/bin/sh")];
        attrs.extend_from_slice(extra);
        let mut drv = new_drv(name, &attrs, &[]);
        let h = Hash::parse_any(hash, None).unwrap();
        drv.outputs
            .insert("out".into(), DerivationOutput::fixed(method, &h, None));
        let fresh = drv.clone();
        drv.fill_output_paths(S, &|_| None).unwrap();
        assert_instantiates_alike(fresh, &drv, &|_| None);
        assert_eq!(String::from_utf8(drv.to_aterm(S)).unwrap(), v.1, "{}", name);
        assert_eq!(drv.drv_path(S).unwrap(), sp(v.0));
        assert_eq!(drv.fixed_output().unwrap(), Some((method, h)));
        // The hash modulo covers the promised output, nothing else.
        let out = drv.outputs["out"].path.clone().unwrap();
        let want = HashAlgo::Sha256.digest(
            format!(
                "fixed:out:{}{}:{}:{}",
                method.prefix(),
                h.algo(),
                h.to_base16(),
                out.to_absolute(S)
            )
            .as_bytes(),
        );
        let mut other = drv.clone();
        other.builder = b"/bin/other".to_vec();
        for d in [&drv, &other] {
            assert_eq!(d.hash_modulo(S, false, &|_| None).unwrap(), want);
            assert_eq!(d.hash_modulo(S, true, &|_| None).unwrap(), want);
        }
    }
}

/// `instantiate` on `fresh` gives what the separate steps gave for
/// `filled` (the same derivation after `fill_output_paths`).
fn assert_instantiates_alike(
    mut fresh: Derivation,
    filled: &Derivation,
    lookup: &dyn Fn(&StorePath) -> Option<Hash>,
) {
    let made = fresh.instantiate(S, lookup).unwrap();
    assert_eq!(&fresh, filled);
    assert_eq!(made.aterm, filled.to_aterm(S));
    assert_eq!(made.drv_path, filled.drv_path(S).unwrap());
    assert_eq!(
        made.hash_modulo,
        filled.hash_modulo(S, false, lookup).unwrap()
    );
}

#[test]
fn derivations_with_inputs() {
    let table = known_hashes();
    let lookup = |p: &StorePath| table.get(p).copied();

    let src = text_path_for(S, "builder.sh", b"echo hi", &BTreeSet::new()).unwrap();
    assert_eq!(
        src,
        sp("/nix/store/2k042fnf3s5g7cg8yir7nn33fqbmi5km-builder.sh")
    );
    let src_abs = src.to_absolute(S);
    let mut drv = new_drv(
        "dependent",
        &[
            ("system", "x86_64-linux"),
            ("builder", "/bin/sh"),
            ("a", "/nix/store/s668cfx1vrqfjryf96jj8wfhg7f67dhj-x"),
            ("b", "/nix/store/kkw0dk536waxg5aygdl5ipkhdacjlfwh-multi-dev"),
            (
                "c",
                "/nix/store/r2ipwgncxv44aldrv2jrn5jkydx0m1i5-fixed-flat",
            ),
            (
                "d",
                "/nix/store/06zczj2mc1siyrys32pmkby09y54sb6w-multi-lib/lib",
            ),
            ("e", "/nix/store/8g6p2920s4yxcmh3mw679ai3zf2r365i-fixed-rec"),
        ],
        &["out"],
    );
    drv.args = vec![src_abs.into_bytes()];
    drv.input_srcs.insert(src);
    for (p, outs) in [
        (FIXED_REC.0, &["out"][..]),
        (MULTI.0, &["dev", "lib"][..]),
        (SIMPLE.0, &["out"][..]),
        (FIXED_FLAT.0, &["out"][..]),
    ] {
        drv.input_drvs
            .insert(sp(p), outs.iter().map(|o| o.to_string()).collect());
    }
    let fresh = drv.clone();
    drv.fill_output_paths(S, &lookup).unwrap();
    assert_instantiates_alike(fresh, &drv, &lookup);
    assert_eq!(
        drv.outputs["out"].path,
        Some(sp("/nix/store/v7vm654j4k2na7giivnkr1iiw4vbvfpi-dependent"))
    );
    assert_eq!(String::from_utf8(drv.to_aterm(S)).unwrap(), DEPENDENT.1);
    assert_eq!(drv.drv_path(S).unwrap(), sp(DEPENDENT.0));

    // One level further: the hash of `dependent` itself is an input.
    let mut drv2 = new_drv(
        "dependent2",
        &[
            ("system", "x86_64-linux"),
            (
                "builder",
                "/nix/store/v7vm654j4k2na7giivnkr1iiw4vbvfpi-dependent/bin/sh",
            ),
            ("x", "/nix/store/wwm68zy70nkrczphmdbvmlns833832xc-multi"),
        ],
        &["out"],
    );
    drv2.input_drvs
        .insert(sp(MULTI.0), BTreeSet::from(["out".to_string()]));
    drv2.input_drvs
        .insert(sp(DEPENDENT.0), BTreeSet::from(["out".to_string()]));
    let fresh = drv2.clone();
    drv2.fill_output_paths(S, &lookup).unwrap();
    assert_instantiates_alike(fresh, &drv2, &lookup);
    assert_eq!(String::from_utf8(drv2.to_aterm(S)).unwrap(), DEPENDENT2.1);
    assert_eq!(drv2.drv_path(S).unwrap(), sp(DEPENDENT2.0));

    // Without the input's hash there is no answer.
    let mut drv3 = drv2.clone();
    assert_eq!(
        drv3.fill_output_paths(S, &|_| None),
        Err(DerivationError::MissingInputHash(sp(MULTI.0)))
    );
}

#[test]
fn fixed_output_inputs_only_count_by_their_promise() {
    // Swapping a fixed-output input for another derivation promising the
    // same output leaves the dependent's output path unchanged.
    let table = known_hashes();
    let flat = parse(FIXED_FLAT);
    let mut other = flat.clone();
    other.builder = b"/bin/bash".to_vec();
    other.env.insert(b"builder".to_vec(), b"/bin/bash".to_vec());
    let other_path = other.drv_path(S).unwrap();
    assert_ne!(other_path, sp(FIXED_FLAT.0));
    let other_hash = other.hash_modulo(S, false, &|_| None).unwrap();
    assert_eq!(other_hash, table[&sp(FIXED_FLAT.0)]);

    let mut a = parse(DEPENDENT);
    let mut b = a.clone();
    let outs = b.input_drvs.remove(&sp(FIXED_FLAT.0)).unwrap();
    b.input_drvs.insert(other_path.clone(), outs);
    let lookup = |p: &StorePath| {
        if *p == other_path {
            Some(other_hash)
        } else {
            table.get(p).copied()
        }
    };
    a.fill_output_paths(S, &lookup).unwrap();
    b.fill_output_paths(S, &lookup).unwrap();
    assert_eq!(a.outputs, b.outputs);
    assert_ne!(a.drv_path(S).unwrap(), b.drv_path(S).unwrap());
}

#[test]
fn parse_errors() {
    for bad in [
        "",
        "Derive(",
        "Derive([]",
        "Derive([],[],[],\"s\",\"b\",[],[])x",
        "Derive([(\"out\",\"/tmp/x\",\"\",\"\")],[],[],\"s\",\"b\",[],[])",
        "Derive([],[],[],\"s\",\"b\",[\"a\" \"b\"],[])",
        "Derive([],[],[],\"s\",\"b\",[],[(\"k\",\"v)])",
        "Derive([],[],[],\"s\",\"b\",[],[(\"k\",\"v\\",
    ] {
        assert!(
            Derivation::parse(S, "x", bad.as_bytes()).is_err(),
            "{:?}",
            bad
        );
    }
    let ok = Derivation::parse(S, "x", b"Derive([],[],[],\"s\",\"b\",[],[])").unwrap();
    assert!(ok.outputs.is_empty());
}

#[test]
fn bad_fixed_outputs() {
    let h = HashAlgo::Sha256.digest(b"");
    let mut drv = new_drv("x", &[("system", "s"), ("builder", "b")], &["out", "dev"]);
    drv.outputs.insert(
        "dev".into(),
        DerivationOutput::fixed(FileIngestionMethod::Flat, &h, None),
    );
    assert_eq!(drv.fixed_output(), Err(DerivationError::BadFixedOutputs));
    let mut drv = new_drv("x", &[("system", "s"), ("builder", "b")], &["dev"]);
    drv.outputs.insert(
        "out".into(),
        DerivationOutput::fixed(FileIngestionMethod::Flat, &h, None),
    );
    assert_eq!(drv.fixed_output(), Err(DerivationError::MixedOutputs));
}
