// Writes the PWA icons (public/icons/*.png): a teal square with a white paper-plane shape.
// Pure node:zlib so no image tool is needed. Run: node scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const TEAL = [0x1f, 0x6f, 0x5c];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Is (x, y), in 0..1 coordinates of the safe area, inside the white shape? */
function inShape(x, y) {
  // two triangles of a paper plane: a big wing and a smaller fold, pointing up-right
  const inTriangle = (px, py, [ax, ay], [bx, by], [cx, cy]) => {
    const d1 = (px - bx) * (ay - by) - (ax - bx) * (py - by);
    const d2 = (px - cx) * (by - cy) - (bx - cx) * (py - cy);
    const d3 = (px - ax) * (cy - ay) - (cx - ax) * (py - ay);
    const negative = d1 < 0 || d2 < 0 || d3 < 0;
    const positive = d1 > 0 || d2 > 0 || d3 > 0;
    return !(negative && positive);
  };
  return inTriangle(x, y, [0.05, 0.45], [0.95, 0.08], [0.42, 0.62]) || inTriangle(x, y, [0.42, 0.62], [0.95, 0.08], [0.6, 0.95]);
}

function png(size, safeFraction) {
  const margin = (size * (1 - safeFraction)) / 2;
  const inner = size - 2 * margin;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5 - margin) / inner;
      const v = (y + 0.5 - margin) / inner;
      const color = u >= 0 && u <= 1 && v >= 0 && v <= 1 && inShape(u, v) ? WHITE : TEAL;
      row.set(color, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = new URL('../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('icon-192.png', out), png(192, 0.7));
writeFileSync(new URL('icon-512.png', out), png(512, 0.7));
// maskable: the platform may crop to a circle, so the shape stays in the central 60%
writeFileSync(new URL('icon-maskable-512.png', out), png(512, 0.55));
console.log('icons written to public/icons/');
