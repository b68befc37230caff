/**
 * Draws the Teams app icons (committed in appPackage/): a 192×192 full-colour icon and a 32×32 white-on-transparent
 * outline icon, both a speech bubble with Japan's sun. Run `npx tsx scripts/make-icons.ts` after changing the design.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

type Rgba = [number, number, number, number];

function canvas(size: number): PNG {
  return new PNG({ width: size, height: size, colorType: 6 });
}

function set(png: PNG, x: number, y: number, [r, g, b, a]: Rgba, coverage = 1): void {
  if (x < 0 || y < 0 || x >= png.width || y >= png.height || coverage <= 0) return;
  const i = (png.width * y + x) << 2;
  const alpha = (a / 255) * Math.min(1, coverage);
  const under = png.data[i + 3]! / 255;
  const out = alpha + under * (1 - alpha);
  const mix = (c: number, u: number) => (out === 0 ? 0 : Math.round((c * alpha + u * under * (1 - alpha)) / out));
  png.data[i] = mix(r, png.data[i]!);
  png.data[i + 1] = mix(g, png.data[i + 1]!);
  png.data[i + 2] = mix(b, png.data[i + 2]!);
  png.data[i + 3] = Math.round(out * 255);
}

/** Fills every pixel whose centre is inside `inside`, with 4×4 supersampling for smooth edges. */
function fill(png: PNG, colour: Rgba, inside: (x: number, y: number) => boolean): void {
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      let hits = 0;
      for (let sy = 0; sy < 4; sy += 1) for (let sx = 0; sx < 4; sx += 1) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits += 1;
      if (hits) set(png, x, y, colour, hits / 16);
    }
  }
}

const roundedRect = (x0: number, y0: number, x1: number, y1: number, r: number) => (x: number, y: number) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx: number, cy: number, r: number) => (x: number, y: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const triangle = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => (x: number, y: number) => {
  const d = (px: number, py: number, qx: number, qy: number) => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = d(ax, ay, bx, by);
  const d2 = d(bx, by, cx, cy);
  const d3 = d(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};
const either = (...shapes: ((x: number, y: number) => boolean)[]) => (x: number, y: number) => shapes.some((s) => s(x, y));

function bubble(scale: number) {
  const s = (v: number) => v * scale;
  return either(roundedRect(s(20), s(26), s(172), s(136), s(26)), triangle(s(52), s(128), s(100), s(128), s(44), s(170)));
}

const out = join(__dirname, '..', 'appPackage');

const color = canvas(192);
fill(color, [11, 83, 148, 255], () => true);
fill(color, [255, 255, 255, 255], bubble(1));
fill(color, [188, 0, 45, 255], circle(96, 81, 30));
writeFileSync(join(out, 'color.png'), PNG.sync.write(color));

const outline = canvas(32);
const k = 32 / 192;
const body = bubble(k);
const hole = either(roundedRect(20 * k + 2.2, 26 * k + 2.2, 172 * k - 2.2, 136 * k - 2.2, 26 * k - 2));
fill(outline, [255, 255, 255, 255], (x, y) => body(x, y) && !hole(x, y));
fill(outline, [255, 255, 255, 255], circle(96 * k, 81 * k, 30 * k));
writeFileSync(join(out, 'outline.png'), PNG.sync.write(outline));
console.log(`Wrote ${join(out, 'color.png')} and ${join(out, 'outline.png')}`);
