// Draws the extension's icons (a blue disc with a white key ring) as PNG files in public/icons.
// Run by hand when the icon changes: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function pixel(x, y, size) {
  const centre = (size - 1) / 2;
  const distance = Math.hypot(x - centre, y - centre) / (size / 2);
  if (distance > 0.98) return [0, 0, 0, 0];
  const ring = distance > 0.3 && distance < 0.5;
  const shaft = y > centre - size * 0.06 && y < centre + size * 0.06 && x > centre + size * 0.2;
  const tooth =
    x > centre + size * 0.3 && x < centre + size * 0.38 && y >= centre && y < centre + size * 0.2;
  return ring || shaft || tooth ? [255, 255, 255, 255] : [0, 94, 170, 255];
}

for (const size of [16, 32, 48, 128]) {
  const rows = [];
  for (let y = 0; y < size; y += 1) {
    const row = [0];
    for (let x = 0; x < size; x += 1) row.push(...pixel(x, y, size));
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  writeFileSync(`public/icons/icon-${size}.png`, png);
}
