//! A PostgreSQL cluster of the portal's own, under its data folder, for when no
//! `DATABASE_URL` is given: a newcomer runs one command and has a database.
//!
//! It uses the system's PostgreSQL binaries (installing Debian's package when
//! they are missing and we are root), listens only on a unix socket inside
//! its folder, and trusts local connections: it is for development and tests,
//! never for production, where `DATABASE_URL` points at a managed server.

use anyhow::{bail, Context};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The socket port; it only names the socket file, so it cannot clash with a
/// server on the TCP port of the same number.
const PORT: u16 = 5432;
/// Unix socket paths are limited to 107 bytes.
const MAX_SOCKET_PATH: usize = 107;

#[derive(Debug, Clone)]
pub struct LocalCluster {
    cluster_dir: PathBuf,
    bin_dir: PathBuf,
}

impl LocalCluster {
    /// The cluster that lives in `<data_dir>/postgres` (which may not exist yet).
    pub fn at(data_dir: &Path) -> anyhow::Result<LocalCluster> {
        std::fs::create_dir_all(data_dir)
            .with_context(|| format!("cannot create the data folder {}", data_dir.display()))?;
        let data_dir = data_dir.canonicalize()?;
        let bin_dir = postgres_bin_dir()?;
        let cluster_dir = if !is_root() || postgres_can_enter(&data_dir) {
            data_dir.join("postgres")
        } else {
            // A folder the postgres user cannot enter (say, a checkout under a
            // private home): keep the cluster in postgres's own home instead,
            // one per checkout.
            let fallback = fallback_dir(&data_dir);
            tracing::warn!(
                data_dir = %data_dir.display(),
                cluster = %fallback.display(),
                "the postgres user cannot enter the data folder; using another folder"
            );
            fallback
        };
        let socket = cluster_dir.join(format!(".s.PGSQL.{PORT}"));
        if socket.as_os_str().len() > MAX_SOCKET_PATH {
            bail!(
                "the data folder path is too long for a PostgreSQL socket ({}); set MOTCUA_DATA_DIR to a shorter path",
                socket.display()
            );
        }
        Ok(LocalCluster {
            cluster_dir,
            bin_dir,
        })
    }

    /// Initialises (first time) and starts (if stopped) the cluster.
    /// Returns whether this call started it.
    pub fn ensure_running(&self) -> anyhow::Result<bool> {
        // Several processes (test binaries, a second portal) may get here at
        // once; the lock lets exactly one of them initialise and start.
        let lock_path = self.cluster_dir.with_extension("lock");
        let lock = std::fs::File::create(&lock_path)
            .with_context(|| format!("cannot create {}", lock_path.display()))?;
        lock.lock()?;
        if !self.cluster_dir.join("PG_VERSION").exists() {
            // Anything here without PG_VERSION is what a failed initdb left.
            if self.cluster_dir.exists() {
                std::fs::remove_dir_all(&self.cluster_dir)?;
            }
            self.init()?;
        }
        if self.is_running() {
            return Ok(false);
        }
        self.start()?;
        Ok(true)
    }

    /// A connection URL for `database` in this cluster, understood by both sqlx and libpq.
    pub fn url(&self, database: &str) -> String {
        format!(
            "postgres://postgres@localhost:{PORT}/{database}?host={}",
            self.cluster_dir.display()
        )
    }

    /// Stops the cluster, waiting for it to shut down cleanly.
    pub fn stop(&self) -> anyhow::Result<()> {
        let dir = self.cluster_dir.to_string_lossy().into_owned();
        self.run_as_postgres("pg_ctl", &["stop", "-D", &dir, "-m", "fast", "-w"])
    }

    fn init(&self) -> anyhow::Result<()> {
        tracing::info!(folder = %self.cluster_dir.display(), "creating a local PostgreSQL cluster");
        std::fs::create_dir_all(&self.cluster_dir)?;
        if is_root() {
            chown_to_postgres(&self.cluster_dir)?;
        }
        let dir = self.cluster_dir.to_string_lossy().into_owned();
        self.run_as_postgres(
            "initdb",
            &[
                "-D",
                &dir,
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
        )
    }

    fn is_running(&self) -> bool {
        let dir = self.cluster_dir.to_string_lossy().into_owned();
        self.run_as_postgres("pg_ctl", &["status", "-D", &dir])
            .is_ok()
    }

    fn start(&self) -> anyhow::Result<()> {
        tracing::info!(folder = %self.cluster_dir.display(), "starting the local PostgreSQL cluster");
        let dir = self.cluster_dir.to_string_lossy().into_owned();
        let log = self
            .cluster_dir
            .join("server.log")
            .to_string_lossy()
            .into_owned();
        let options = format!("-c listen_addresses='' -k {dir} -p {PORT}");
        self.run_as_postgres(
            "pg_ctl",
            &[
                "start", "-D", &dir, "-l", &log, "-w", "-t", "60", "-o", &options,
            ],
        )
    }

    /// Runs a PostgreSQL tool, as the `postgres` user when we are root:
    /// initdb and the server refuse to run as root.
    fn run_as_postgres(&self, tool: &str, args: &[&str]) -> anyhow::Result<()> {
        let program = self.bin_dir.join(tool);
        let mut command = if is_root() {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(&program);
            command
        } else {
            Command::new(&program)
        };
        let output = command
            .args(args)
            .current_dir(&self.cluster_dir)
            .output()
            .with_context(|| format!("cannot run {}", program.display()))?;
        if !output.status.success() {
            bail!(
                "{tool} failed ({}): {}{}",
                output.status,
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
        }
        Ok(())
    }
}

/// The newest `/usr/lib/postgresql/<version>/bin`, installing Debian's
/// `postgresql` package first when there is none and we may.
fn postgres_bin_dir() -> anyhow::Result<PathBuf> {
    if let Some(dir) = newest_bin_dir() {
        return Ok(dir);
    }
    if !is_root() {
        bail!("PostgreSQL is not installed: run `sudo apt-get install postgresql`, or set DATABASE_URL");
    }
    tracing::info!("installing PostgreSQL from Debian's packages");
    let installed = Command::new("sh")
        .args(["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql"])
        .status()
        .context("cannot run apt-get")?;
    if !installed.success() {
        bail!("installing PostgreSQL with apt-get failed; install it by hand or set DATABASE_URL");
    }
    newest_bin_dir()
        .context("PostgreSQL was installed but no initdb was found under /usr/lib/postgresql")
}

fn newest_bin_dir() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}

fn postgres_can_enter(dir: &Path) -> bool {
    Command::new("runuser")
        .args(["-u", "postgres", "--", "test", "-x"])
        .arg(dir)
        .status()
        .is_ok_and(|status| status.success())
}

fn fallback_dir(data_dir: &Path) -> PathBuf {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    data_dir.hash(&mut hasher);
    PathBuf::from(format!(
        "/var/lib/postgresql/motcua-{:016x}",
        hasher.finish()
    ))
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

fn chown_to_postgres(dir: &Path) -> anyhow::Result<()> {
    let status = Command::new("chown")
        .args(["-R", "postgres:postgres"])
        .arg(dir)
        .status()?;
    if !status.success() {
        bail!("cannot give {} to the postgres user", dir.display());
    }
    Ok(())
}
