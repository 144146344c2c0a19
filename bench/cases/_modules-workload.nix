# Not a benchmark case (run.py skips files whose name starts with `_`).
# The configuration evaluated by modules-small.nix and modules-large.nix
# with the module system in _modules-lib.nix: a machine with `users`
# users (an `attrsOf (submodule ...)`), groups computed from the users,
# `users / 5` web virtual hosts whose settings read the users' settings,
# /etc files built from both, ordered `lines` and lists, and a `listOf
# submodule` of assertions that is checked before the result is printed.
{ users }:
let
  lib = import ./_modules-lib.nix;
  inherit (builtins) genList listToAttrs attrNames attrValues length filter
    any catAttrs foldl' head toJSON stringLength substring hashString
    concatStringsSep;
  inherit (lib) mkOption types mkIf mkMerge mkDefault mkForce mkOverride
    mkBefore mkAfter mkOrder nameValuePair mapAttrs' filterAttrs optional mod
    concatMap;

  nUsers = users;
  userName = i: "user${toString i}";
  teamSize = 25;
  nTeams = nUsers / teamSize;
  nSites = nUsers / 5;
  sitesPerModule = 10;
  shells = [ "bash" "zsh" "fish" ];

  # --- declarations -------------------------------------------------------

  usersModule = { config, ... }:
    let
      top = config;
      keyModule = {
        options = {
          key = mkOption { type = types.str; };
          comment = mkOption { type = types.nullOr types.str; default = null; };
        };
      };
      userModule = { name, config, ... }: {
        options = {
          name = mkOption { type = types.str; default = name; };
          uid = mkOption { type = types.nullOr types.int; default = null; };
          isSystemUser = mkOption { type = types.bool; default = false; };
          group = mkOption { type = types.str; default = "users"; };
          extraGroups = mkOption { type = types.listOf types.str; default = [ ]; };
          home = mkOption {
            type = types.str;
            default = if config.isSystemUser then "/var/empty" else "/home/${config.name}";
          };
          shell = mkOption { type = types.enum shells; default = top.users.defaultShell; };
          description = mkOption { type = types.nullOr types.str; default = null; };
          packages = mkOption { type = types.listOf types.str; default = [ ]; };
          sshKeys = mkOption { type = types.listOf (types.submodule keyModule); default = [ ]; };
          linger = mkOption { type = types.bool; default = false; };
          createHome = mkOption { type = types.bool; default = !config.isSystemUser; };
          homeMode = mkOption { type = types.str; default = "700"; };
          hashedPassword = mkOption { type = types.nullOr types.str; default = null; };
          expires = mkOption { type = types.nullOr types.str; default = null; };
          autoSubUidGidRange = mkOption { type = types.bool; default = false; };
          subUidRanges = mkOption { type = types.listOf (types.submodule rangeModule); default = [ ]; };
          openssh.authorizedKeys = {
            keys = mkOption { type = types.listOf types.str; default = [ ]; };
            options = mkOption { type = types.listOf types.str; default = [ ]; };
          };
        };
        config = {
          extraGroups = mkIf config.isSystemUser (mkBefore [ "system" ]);
          packages = mkAfter [ "coreutils" ];
          openssh.authorizedKeys.keys = map (k: k.key) config.sshKeys;
          subUidRanges = mkIf (config.autoSubUidGidRange && config.uid != null)
            [{ startUid = 100000 + config.uid * 65536; }];
        };
      };
      rangeModule = {
        options = {
          startUid = mkOption { type = types.int; };
          count = mkOption { type = types.int; default = 65536; };
        };
      };
      groupModule = { name, ... }: {
        options = {
          name = mkOption { type = types.str; default = name; };
          gid = mkOption { type = types.nullOr types.int; default = null; };
          members = mkOption { type = types.listOf types.str; default = [ ]; };
        };
      };
    in
    {
      options.users = {
        users = mkOption { type = types.attrsOf (types.submodule userModule); default = { }; };
        groups = mkOption { type = types.attrsOf (types.submodule groupModule); default = { }; };
        defaultShell = mkOption { type = types.enum shells; default = "bash"; };
        mutableUsers = mkOption { type = types.bool; default = true; };
      };
      config =
        let
          # one small set per user: group name -> user name
          memberSets = map
            (u: listToAttrs (map (g: nameValuePair g u.name) u.extraGroups))
            (attrValues config.users.users);
          groupNames = attrNames (foldl' (a: b: a // b) { } memberSets);
        in
        {
          users.groups = mkMerge [
            { users.gid = 100; wheel.gid = 1; system.gid = 2; }
            (listToAttrs (map (g: nameValuePair g { members = catAttrs g memberSets; }) groupNames))
          ];
          assertions = map
            (u: {
              assertion = config.users.groups ? ${u.group};
              message = "user ${u.name}: group ${u.group} does not exist";
            })
            (attrValues config.users.users);
        };
    };

  webModule = { config, ... }:
    let
      cfg = config.services.web;
      locationModule = {
        options = {
          path = mkOption { type = types.str; };
          proxyPass = mkOption { type = types.nullOr types.str; default = null; };
          priority = mkOption { type = types.int; default = 1000; };
          allow = mkOption { type = types.listOf types.str; default = [ ]; };
        };
      };
      vhostModule = { name, config, ... }: {
        options = {
          serverName = mkOption { type = types.str; default = name; };
          port = mkOption { type = types.int; default = 80; };
          ssl = mkOption { type = types.bool; default = false; };
          owner = mkOption { type = types.str; };
          root = mkOption { type = types.str; };
          locations = mkOption { type = types.listOf (types.submodule locationModule); default = [ ]; };
          extraConfig = mkOption { type = types.lines; default = ""; };
        };
        config = {
          locations = mkBefore [{ path = "/"; priority = 0; }];
          extraConfig = mkMerge [
            (mkBefore "server_name ${config.serverName};")
            (mkIf config.ssl (mkAfter "ssl on;"))
          ];
        };
      };
      vhostConf = v: concatStringsSep "\n" ([
        "listen ${toString v.port};"
        "root ${v.root};"
        v.extraConfig
      ] ++ map (l: "location ${l.path} { ${if l.proxyPass == null then "" else "proxy_pass ${l.proxyPass};"} }") v.locations);
    in
    {
      options.services.web = {
        enable = mkOption { type = types.bool; default = false; };
        user = mkOption { type = types.str; default = "www"; };
        vhosts = mkOption { type = types.attrsOf (types.submodule vhostModule); default = { }; };
      };
      config = mkIf cfg.enable {
        users.users.${cfg.user} = {
          isSystemUser = true;
          uid = 60;
          group = "www";
          description = "web server";
        };
        users.groups.www.gid = 60;
        networking.firewall.allowedTCPPorts = mkMerge [
          [ 80 ]
          (mkIf (any (v: v.ssl) (attrValues cfg.vhosts)) [ 443 ])
          (map (v: v.port) (filter (v: v.port != 80) (attrValues cfg.vhosts)))
        ];
        environment.etc = mapAttrs'
          (name: v: nameValuePair "web/${name}.conf" { text = vhostConf v; user = cfg.user; })
          cfg.vhosts;
        assertions = map
          (v: {
            assertion = config.users.users ? ${v.owner};
            message = "vhost ${v.serverName}: owner ${v.owner} does not exist";
          })
          (attrValues cfg.vhosts);
        system.activation = mkAfter "start web server";
        systemd.services = mapAttrs'
          (n: v: nameValuePair "web-${n}" {
            description = "Web site ${v.serverName}";
            wantedBy = [ "multi-user.target" ];
            after = mkAfter [ "user@${v.owner}.service" ];
            requires = [ "user@${v.owner}.service" ];
            path = [ "nginx" ];
            environment.SITE_ROOT = v.root;
            serviceConfig = {
              User = v.owner;
              Restart = "always";
              WorkingDirectory = v.root;
            };
          })
          cfg.vhosts;
      };
    };

  systemModule = { config, options, ... }:
    let
      etcModule = { name, config, ... }: {
        options = {
          enable = mkOption { type = types.bool; default = true; };
          target = mkOption { type = types.str; default = name; };
          text = mkOption { type = types.lines; };
          mode = mkOption { type = types.str; default = "0644"; };
          user = mkOption { type = types.str; default = "root"; };
        };
      };
      serviceModule = { name, config, ... }: {
        options = {
          enable = mkOption { type = types.bool; default = true; };
          unitName = mkOption { type = types.str; default = "${name}.service"; };
          description = mkOption { type = types.str; default = ""; };
          wantedBy = mkOption { type = types.listOf types.str; default = [ ]; };
          after = mkOption { type = types.listOf types.str; default = [ ]; };
          requires = mkOption { type = types.listOf types.str; default = [ ]; };
          path = mkOption { type = types.listOf types.str; default = [ ]; };
          environment = mkOption { type = types.attrsOf types.str; default = { }; };
          script = mkOption { type = types.lines; default = ""; };
          serviceConfig = {
            User = mkOption { type = types.nullOr types.str; default = null; };
            Type = mkOption { type = types.enum [ "simple" "oneshot" "forking" ]; default = "simple"; };
            Restart = mkOption { type = types.enum [ "no" "always" "on-failure" ]; default = "no"; };
            WorkingDirectory = mkOption { type = types.nullOr types.str; default = null; };
          };
        };
        config = {
          after = mkIf (config.wantedBy != [ ]) (mkBefore [ "network.target" ]);
          environment.PATH = concatStringsSep ":" (map (p: "/pkgs/${p}/bin") config.path);
        };
      };
    in
    {
      options = {
        networking = {
          hostName = mkOption { type = types.str; default = "machine"; };
          domain = mkOption { type = types.nullOr types.str; default = null; };
          hosts = mkOption { type = types.attrsOf (types.listOf types.str); default = { }; };
          firewall = {
            enable = mkOption { type = types.bool; default = true; };
            allowedTCPPorts = mkOption { type = types.listOf types.int; default = [ ]; };
          };
        };
        environment = {
          etc = mkOption { type = types.attrsOf (types.submodule etcModule); default = { }; };
          systemPackages = mkOption { type = types.listOf types.str; default = [ ]; };
          variables = mkOption { type = types.attrsOf types.str; default = { }; };
        };
        boot = {
          kernelParams = mkOption { type = types.listOf types.str; default = [ ]; };
          loader = mkOption { type = types.enum [ "grub" "systemd-boot" ]; default = "grub"; };
        };
        system = {
          stateVersion = mkOption { type = types.str; };
          activation = mkOption { type = types.lines; default = ""; };
        };
        debug.enable = mkOption { type = types.bool; default = false; };
        systemd.services = mkOption { type = types.attrsOf (types.submodule serviceModule); default = { }; };
        assertions = mkOption {
          type = types.listOf (types.submodule {
            options = {
              assertion = mkOption { type = types.bool; };
              message = mkOption { type = types.str; };
            };
          });
          default = [ ];
        };
      };
      config = {
        networking.hosts."127.0.0.1" = [ "localhost" ];
        environment.etc.hosts.text = mkMerge [
          (mkBefore "# generated")
          (concatStringsSep "\n" (map
            (ip: "${ip} ${concatStringsSep " " config.networking.hosts.${ip}}")
            (attrNames config.networking.hosts)))
        ];
        environment.etc.hostname.text = config.networking.hostName;
        environment.etc."state-version".text = config.system.stateVersion
          + (if options.system.stateVersion.highestPrio >= 1000 then " (default)" else "");
        systemd.services = mapAttrs'
          (n: u: nameValuePair "user@${n}" {
            description = "User manager for ${n}";
            wantedBy = mkIf u.linger [ "multi-user.target" ];
            path = u.packages;
            environment.HOME = u.home;
            script = mkMerge [ "exec systemd --user" (mkBefore "cd ${u.home}") ];
            serviceConfig = { User = n; Type = "forking"; };
          })
          config.users.users;
        environment.systemPackages = concatMap (u: u.packages) (attrValues config.users.users);
        environment.variables.EDITOR = mkDefault "nano";
        boot.kernelParams = [ "quiet" ];
        system.stateVersion = mkDefault "23.11";
        system.activation = mkMerge [
          (mkOrder 100 "set -e")
          "setup etc (${toString (length (attrNames config.environment.etc))} files)"
        ];
      };
    };

  # --- definitions ----------------------------------------------------------

  hostModule = { config, ... }: {
    networking.hostName = "bench";
    networking.domain = "example.org";
    networking.hosts."10.0.0.1" = [ "${config.networking.hostName}.${config.networking.domain}" ];
    environment.etc.hosts.text = mkAfter "# end";
    environment.variables.EDITOR = "vim";
    boot.kernelParams = mkMerge [
      (mkAfter [ "console=ttyS0" ])
      (mkBefore [ "init=/init" ])
      (mkIf config.debug.enable [ "debug" ])
    ];
    boot.loader = "systemd-boot";
    system.stateVersion = "24.05";
    users.defaultShell = "zsh";
  };

  # Team t: users t*25 .. t*25+24, defined in one module each.
  teamModule = t: { config, ... }: {
    users.users = listToAttrs (genList
      (k:
        let i = t * teamSize + k; in
        nameValuePair (userName i) {
          uid = 1000 + i;
          extraGroups = [ "team${toString t}" ]
            ++ optional (mod i 7 == 0) "wheel"
            ++ optional (mod i 9 == 0) "audio";
          shell =
            if mod i 3 == 0 then mkDefault "bash"
            else if mod i 11 == 0 then "fish"
            else mkDefault config.users.defaultShell;
          description = if mod i 2 == 0 then "User number ${toString i}" else null;
          packages = [ "pkg${toString (mod i 13)}" ];
          sshKeys = genList
            (j: { key = "ssh-ed25519 AAAA${toString i}x${toString j}"; comment = if j == 0 then null else "key ${toString j}"; })
            (mod i 3);
          linger = mkIf (mod i 5 == 0) true;
          autoSubUidGidRange = mod i 4 != 1;
          hashedPassword = if mod i 6 == 0 then "!" else null;
          homeMode = mkIf (mod i 8 == 0) "750";
        })
      teamSize);
    users.groups."team${toString t}" = { gid = 2000 + t; };
  };

  # Policy: every 10th user's shell forced, every 20th user's home moved
  # (beats the declared default, but loses to a plain definition).
  adminModule = {
    users.users = listToAttrs (genList
      (j: nameValuePair (userName (j * 10)) ({ shell = mkForce "bash"; }
        // (if mod j 2 == 0 then { home = mkOverride 900 "/srv/home/${userName (j * 10)}"; } else { })))
      (nUsers / 10));
  };

  # Disabled: all of this disappears.
  debugModule = { config, ... }: {
    config = mkIf config.debug.enable {
      users.users.debugger = { uid = 9; extraGroups = [ "wheel" ]; };
      environment.etc."debug.conf".text = "verbose";
    };
  };

  # Sites s*10 .. s*10+9, each owned by a user whose home it reads.
  siteModule = s: { config, ... }: {
    services.web.enable = true;
    services.web.vhosts = listToAttrs (genList
      (k:
        let
          v = s * sitesPerModule + k;
          owner = userName (mod (v * 7) nUsers);
        in
        nameValuePair "site${toString v}.example.org" {
          port = if mod v 4 == 0 then 8000 + v else 80;
          ssl = mod v 3 == 0;
          inherit owner;
          root = "${config.users.users.${owner}.home}/www/site${toString v}";
          locations = [
            { path = "/api"; proxyPass = "http://127.0.0.1:${toString (9000 + v)}"; priority = 500; }
            { path = "/static"; allow = [ "all" ]; }
          ] ++ optional (mod v 2 == 0) (mkIf config.users.users.${owner}.linger { path = "/status"; });
          extraConfig = "# owner ${owner}";
        })
      sitesPerModule);
  };

  # One /etc file per (non-system) user, assembled from ordered pieces,
  # one per user for its ssh keys, and an assertion per service.
  profilesModule = { config, ... }: {
    environment.etc = mapAttrs'
      (n: u: nameValuePair "profiles/${n}" {
        text = mkMerge [
          "export SHELL=/bin/${u.shell}"
          (mkAfter "cd ${u.home}")
          (mkBefore "# profile of ${if u.description == null then n else u.description}")
        ];
        mode = if u.linger then "0600" else "0644";
        user = n;
      })
      (filterAttrs (_: u: !u.isSystemUser) config.users.users)
    // mapAttrs'
      (n: u: nameValuePair "ssh/authorized_keys.d/${n}" {
        text = concatStringsSep "\n" u.openssh.authorizedKeys.keys;
        mode = "0444";
      })
      config.users.users;
    assertions = map
      (s: {
        assertion = s.serviceConfig.User == null || config.users.users ? ${s.serviceConfig.User};
        message = "service ${s.unitName}: user ${s.serviceConfig.User} does not exist";
      })
      (attrValues config.systemd.services);
  };

  config = (lib.evalModules {
    modules = [ usersModule webModule systemModule hostModule adminModule debugModule profilesModule ]
      ++ genList teamModule nTeams
      ++ genList siteModule (nSites / sitesPerModule);
  }).config;

  failed = filter (a: !a.assertion) config.assertions;
  json =
    if failed == [ ] then toJSON config
    else throw (head failed).message;
in
"${toString (length config.assertions)} assertions, ${toString (stringLength json)} bytes, sha256 ${substring 0 16 (hashString "sha256" json)}"
