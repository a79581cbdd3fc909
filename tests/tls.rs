//! sslmode disable, prefer, require, verify-ca and verify-full with
//! sslrootcert, against a PostgreSQL started with a certificate this test
//! makes (a throwaway CA, a server certificate for "localhost").

mod common;

use actorctl_testkit::{Cluster, Fleet, FleetOptions};
use common::{actorctl, finish, Run};
use std::path::Path;
use std::process::Command;

fn openssl(dir: &Path, args: &[&str]) {
    let out =
        Command::new("openssl").args(args).current_dir(dir).output().expect("openssl (scripts/ensure-tools)");
    assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

fn make_certs(dir: &Path) {
    for (key, crt, cn) in
        [("ca.key", "ca.crt", "actorctl test CA"), ("other.key", "other.crt", "some other CA")]
    {
        openssl(
            dir,
            &[
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                key,
                "-out",
                crt,
                "-days",
                "2",
                "-subj",
                &format!("/CN={cn}"),
            ],
        );
    }
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=localhost",
        ],
    );
    std::fs::write(dir.join("san.ext"), "subjectAltName=DNS:localhost\n").unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.crt",
            "-days",
            "2",
            "-extfile",
            "san.ext",
        ],
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn sslmodes_against_a_tls_server() {
    let certs = tempfile::tempdir().unwrap();
    make_certs(certs.path());
    let c = certs.path().to_path_buf();
    let cluster = Cluster::start_with(move |data| {
        std::fs::copy(c.join("server.crt"), data.join("server.crt"))?;
        std::fs::copy(c.join("server.key"), data.join("server.key"))?;
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(data.join("server.key"), std::fs::Permissions::from_mode(0o600))?;
        let mut conf = std::fs::read_to_string(data.join("postgresql.conf"))?;
        conf.push_str("\nssl = on\nssl_cert_file = 'server.crt'\nssl_key_file = 'server.key'\n");
        std::fs::write(data.join("postgresql.conf"), conf)?;
        let hba = std::fs::read_to_string(data.join("pg_hba.conf"))?;
        std::fs::write(
            data.join("pg_hba.conf"),
            format!(
                "hostssl all tlsonly 127.0.0.1/32 trust\nhostnossl all tlsonly 127.0.0.1/32 reject\n{hba}"
            ),
        )?;
        Ok(())
    })
    .unwrap();
    let db = cluster.create_database().await.unwrap();
    let fleet = Fleet::in_database(cluster.url(&db), db.clone(), FleetOptions::default()).await.unwrap();
    fleet.insert_instance("t", "pg-t", "running", None).await.unwrap();
    fleet.pg.batch_execute("CREATE ROLE tlsonly LOGIN SUPERUSER").await.unwrap();

    let port = cluster.port;
    let ca = certs.path().join("ca.crt");
    let other = certs.path().join("other.crt");
    let url = |host: &str, mode: &str, root: Option<&Path>| {
        let mut u = format!("postgres://tlsonly@{host}:{port}/{db}?sslmode={mode}");
        if let Some(r) = root {
            u.push_str(&format!("&sslrootcert={}", r.display()));
        }
        u
    };
    // exit 1: connected, and found the instance without an actor.
    let list = |u: String| -> Run { finish(actorctl(&u).args(["list", "--connect-timeout", "5s"])) };

    let r = list(url("127.0.0.1", "disable", None));
    assert_eq!(r.code, 3, "this role may only connect with TLS: {}", r.stderr);
    assert_eq!(list(url("127.0.0.1", "prefer", None)).code, 1);
    assert_eq!(list(url("127.0.0.1", "require", None)).code, 1, "require does not verify");
    assert_eq!(list(url("127.0.0.1", "verify-ca", Some(&ca))).code, 1, "verify-ca ignores the host name");
    let r = list(url("localhost", "verify-full", Some(&ca)));
    assert_eq!(r.code, 1, "right root and host name: {}", r.stderr);

    let r = list(url("127.0.0.1", "verify-full", Some(&ca)));
    assert_eq!(r.code, 3);
    assert!(
        r.stderr.contains("TLS") && r.stderr.to_lowercase().contains("host"),
        "host name mismatch: {}",
        r.stderr
    );
    for mode in ["verify-full", "verify-ca"] {
        let r = list(url("localhost", mode, Some(&other)));
        assert_eq!(r.code, 3, "{mode} with the wrong root: {}", r.stderr);
        assert!(r.stderr.contains("certificate"), "{}", r.stderr);
    }
    // PGSSLROOTCERT when the URL names no root.
    let r = finish(actorctl(&url("localhost", "verify-full", None)).env("PGSSLROOTCERT", &ca).arg("list"));
    assert_eq!(r.code, 1, "PGSSLROOTCERT: {}", r.stderr);
    let r = finish(actorctl(&url("localhost", "verify-full", None)).env("PGSSLROOTCERT", &other).arg("list"));
    assert_eq!(r.code, 3, "{}", r.stderr);
    let r = list(url("localhost", "verify-full", Some(&certs.path().join("missing.crt"))));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("sslrootcert"), "{}", r.stderr);

    // The duroxide backend (sqlx) gets the same TLS settings.
    let r =
        finish(actorctl(&url("localhost", "verify-full", Some(&ca))).args(["start", "pg-t", "-o", "json"]));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("\"done\""), "{}", r.stdout);
    let mut fleet = fleet;
    fleet.stop_runtime().await;
    cluster.stop().unwrap();
}
