import { createHash } from 'node:crypto';
import path from 'node:path';

const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';
const DEFAULT_NIGHTLY_MIRROR = 'https://github.com/electron/nightlies/releases/download/';
// Rounded sizes of Electron's release zips, for when the server does not say.
const APPROXIMATE_MB = { darwin: 105, mas: 105, linux: 110, win32: 115 };
const MB = 1024 * 1024;

/**
 * The zip Electron's installer (node_modules/electron/install.js, through @electron/get) fetches: the
 * same platform and arch overrides, the same mirror settings (.npmrc, package.json config, ELECTRON_*),
 * the same file name, URL and download cache path. `isRosetta` is asked only where install.js asks.
 */
export function electronArtifact({ version, platform, arch, env, cacheRoot, isRosetta = () => false }) {
  const targetPlatform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || platform;
  let targetArch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || arch;
  if (targetPlatform === 'darwin' && platform === 'darwin' && targetArch === 'x64' && env.npm_config_arch === undefined && isRosetta()) {
    targetArch = 'arm64';
  }
  if (targetArch === 'arm') targetArch = 'armv7l';
  const tag = normalizeVersion(mirrorSetting(env, 'customVersion') || version);
  const fileName = `electron-${tag}-${targetPlatform}-${targetArch}.zip`;
  const base = tag.includes('nightly') ? mirrorSetting(env, 'nightlyMirror') || DEFAULT_NIGHTLY_MIRROR : mirrorSetting(env, 'mirror') || DEFAULT_MIRROR;
  const dir = (mirrorSetting(env, 'customDir') || tag).replace('{{ version }}', tag.replace(/^v/, ''));
  const url = `${base}${dir}/${mirrorSetting(env, 'customFilename') || fileName}`;
  return {
    version: tag.replace(/^v/, ''),
    platform: targetPlatform,
    arch: targetArch,
    fileName,
    url,
    cachePath: env.force_no_cache === 'true' ? null : path.resolve(cacheRoot, cacheDirectory(url), fileName),
  };
}

/** The line said before the installer runs: what it fetches, from where, and how big. */
export function fetchLine(artifact, { sizeBytes, cached }) {
  const what = `Electron ${artifact.version} for ${artifact.platform}-${artifact.arch}`;
  const installer = "with Electron's installer (node_modules/electron/install.js)";
  if (cached) return `No Electron binary yet: unpacking ${what} from the download cache (${artifact.cachePath}) ${installer}.`;
  return `No Electron binary yet: fetching ${what} (${describeSize(artifact.platform, sizeBytes)}) from ${artifact.url} ${installer}.`;
}

/** "110.4 MB" from the server's Content-Length, else "about 110 MB" for the platform. */
export function describeSize(platform, sizeBytes) {
  if (sizeBytes) return `${megabytes(sizeBytes)} MB`;
  return `about ${APPROXIMATE_MB[platform] ?? 110} MB`;
}

/** One progress report: bytes on disk so far out of the size that was announced. */
export function progressText(platform, receivedBytes, sizeBytes) {
  const percent = sizeBytes ? ` (${Math.min(100, Math.floor((receivedBytes / sizeBytes) * 100))}%)` : '';
  return `fetched ${megabytes(receivedBytes)} of ${describeSize(platform, sizeBytes)}${percent}`;
}

/** The error install.js printed (it prints the error's stack to stderr): its message, without the stack. */
export function installerError(stderr, exitCode) {
  const lines = [];
  for (const line of stderr.split(/\r?\n/)) {
    if (/^\s+at /.test(line)) break;
    if (line.trim()) lines.push(line.trim());
  }
  return lines.join(' ').replace(/\.$/, '') || `it exited with code ${exitCode}`;
}

function megabytes(bytes) {
  return (bytes / MB).toFixed(1);
}

function normalizeVersion(version) {
  return version.startsWith('v') ? version : `v${version}`;
}

/** @electron/get's mirrorVar: the first of these settings that is set wins. */
function mirrorSetting(env, name) {
  const snake = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
  return (
    env[`npm_config_electron_${name.toLowerCase()}`] ||
    env[`NPM_CONFIG_ELECTRON_${snake.toUpperCase()}`] ||
    env[`npm_config_electron_${snake}`] ||
    env[`npm_package_config_electron_${name}`] ||
    env[`npm_package_config_electron_${snake}`] ||
    env[`ELECTRON_${snake.toUpperCase()}`] ||
    ''
  );
}

/** @electron/get's Cache.getCacheDirectory: one folder per download folder URL. */
function cacheDirectory(url) {
  const parsed = new URL(url);
  parsed.hash = '';
  parsed.search = '';
  parsed.pathname = path.posix.dirname(parsed.pathname);
  return createHash('sha256').update(parsed.toString()).digest('hex');
}
