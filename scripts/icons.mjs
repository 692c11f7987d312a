#!/usr/bin/env node
// Draws the app's PNG icons from public/favicon.svg in Chromium, for the web
// app manifest and the home screen: 192 and 512 px, and a 512 px maskable one
// whose artwork stays inside the central 80 % a launcher may crop to a circle.
// The PNGs are committed; run this again after changing the SVG:
//   node scripts/icons.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/support/chromium.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(path.join(root, 'public/favicon.svg'), 'utf8');
const BRAND = '#b3261e';

const ICONS = [
  { file: 'icon-192.png', size: 192, maskable: false },
  { file: 'icon-512.png', size: 512, maskable: false },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const { file, size, maskable } of ICONS) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    // A maskable icon fills its square; the artwork sits in the middle 80 %.
    const inner = maskable ? Math.round(size * 0.8) : size;
    const html = `<body style="margin:0;display:grid;place-items:center;width:${size}px;height:${size}px;background:${maskable ? BRAND : 'transparent'}">
      <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`;
    await page.setContent(html);
    await page.screenshot({ path: path.join(root, 'public', file), omitBackground: !maskable });
    await page.close();
    console.log(`public/${file}: ${size}×${size}${maskable ? ', maskable' : ''}`);
  }
} finally {
  await browser.close();
}
