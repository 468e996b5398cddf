// Draws resources/icon.png (512x512 RGBA): a rounded square with a small pipeline graph of three steps.
// No dependencies: shapes are signed distance functions, antialiased, and the PNG is written with zlib.
// Run: node resources/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;

const roundedSquare = (x, y) => {
  const half = 232, radius = 96;
  const qx = Math.abs(x - 256) - (half - radius);
  const qy = Math.abs(y - 256) - (half - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const segment = (ax, ay, bx, by, width) => (x, y) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - width / 2;
};

const nodes = [circle(150, 180, 52), circle(150, 340, 52), circle(366, 260, 60)];
const edges = [segment(150, 180, 366, 260, 26), segment(150, 340, 366, 260, 26)];
const coverage = (distance) => Math.max(0, Math.min(1, 0.5 - distance));

function pixel(x, y) {
  const bg = coverage(roundedSquare(x, y));
  if (bg === 0) return [0, 0, 0, 0];
  // Background: a diagonal gradient from indigo to teal.
  const t = (x + y) / (2 * SIZE);
  let rgb = [Math.round(49 + (20 - 49) * t), Math.round(46 + (184 - 46) * t), Math.round(129 + (166 - 129) * t)];
  const blend = (color, amount) => (rgb = rgb.map((c, i) => Math.round(c + (color[i] - c) * amount)));
  blend([255, 255, 255], coverage(Math.min(...edges.map((d) => d(x, y)))) * 0.85);
  blend([255, 255, 255], coverage(Math.min(...nodes.map((d) => d(x, y)))));
  blend([49, 46, 129], coverage(circle(366, 260, 24)(x, y)));
  return [...rgb, Math.round(bg * 255)];
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) raw.set(pixel(x + 0.5, y + 0.5), y * (SIZE * 4 + 1) + 1 + x * 4);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buffer) => {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
console.log(`resources/icon.png: ${SIZE}x${SIZE}, ${png.length} bytes`);
