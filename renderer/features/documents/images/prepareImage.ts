/**
 * How a picture becomes part of a document. Images live inside the document's Yjs doc as a
 * data URL (see docs/architecture.md, "Images in documents"), so they are stored, synced, kept
 * offline and access-checked exactly like the text around them. To keep documents quick to
 * open and sync, an image may add at most {@link MAX_IMAGE_BYTES}: larger pictures are scaled
 * down and re-encoded on a canvas here, before anything reaches the document, and a picture
 * that cannot be made to fit is refused with a coded error (nothing half-inserted).
 */
import { CodedError } from '../../../../shared/protocol/errors';

/** Bytes one image may add to a document once encoded (the data URL is a third larger). */
export const MAX_IMAGE_BYTES = 300 * 1024;
/** Files larger than this are refused without being decoded (a 40 MB photo is not a figure). */
export const MAX_SOURCE_BYTES = 40 * 1024 * 1024;
/** The longest side an image keeps: wider than any page or screen Minka shows it on. */
export const MAX_EDGE = 1600;
/** Formats read from a file; everything is stored as PNG, JPEG or GIF, which every export reads. */
export const ACCEPTED_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'];
const STORED_TYPES = ['image/png', 'image/jpeg', 'image/gif'];
/** Tried in turn (longest side, JPEG quality) until the image fits. */
const STEPS: ReadonlyArray<readonly [number, number]> = [
  [1600, 0.85],
  [1600, 0.72],
  [1280, 0.72],
  [1024, 0.7],
  [800, 0.65],
  [640, 0.6],
];

export interface PreparedImage {
  /** `data:image/<png|jpeg|gif>;base64,…` */
  src: string;
  width: number;
  height: number;
}

/** The size of a picture scaled so its longest side is at most `maxEdge` (never enlarged). */
export function fitWithin(
  width: number,
  height: number,
  maxEdge: number,
): { width: number; height: number } {
  const longest = Math.max(width, height);
  if (longest <= maxEdge || longest === 0) return { width, height };
  const scale = maxEdge / longest;
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}

const DATA_URL = /^data:(image\/(?:png|jpeg|gif));base64,([A-Za-z0-9+/]*={0,2})$/;

/** The type and decoded bytes of an image data URL Minka stores, or null for anything else. */
export function parseImageDataUrl(src: string): { type: string; bytes: number } | null {
  const match = DATA_URL.exec(src);
  if (match === null) return null;
  const base64 = match[2]!;
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return { type: match[1]!, bytes: (base64.length / 4) * 3 - padding };
}

/** True for a `src` the editor keeps: a PNG, JPEG or GIF data URL within the size limit. */
export function isStorableImageSrc(src: unknown): src is string {
  if (typeof src !== 'string') return false;
  const parsed = parseImageDataUrl(src);
  return parsed !== null && parsed.bytes <= MAX_IMAGE_BYTES;
}

function refuse(code: 'image_unsupported' | 'image_too_large', detail: string): never {
  throw new CodedError(code, detail);
}

/** Checks what can be checked before decoding: the type and the file's size. */
export function checkImageFile(file: { type: string; size: number }): void {
  if (!ACCEPTED_TYPES.includes(file.type)) refuse('image_unsupported', `type ${file.type}`);
  if (file.size > MAX_SOURCE_BYTES) refuse('image_too_large', `${file.size} bytes`);
}

function readAsDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

function encode(
  bitmap: ImageBitmap,
  size: { width: number; height: number },
  type: string,
  quality?: number,
): Promise<Blob | null> {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (context === null) return Promise.resolve(null);
  if (type === 'image/jpeg') {
    // JPEG has no transparency: transparent parts become white, as on a page.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size.width, size.height);
  }
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

/**
 * A picture from a file, paste or drop, ready to be stored in a document: kept as it is when it
 * is already small enough in a format every export reads, else scaled down (longest side
 * {@link MAX_EDGE} or less) and re-encoded until it fits in {@link MAX_IMAGE_BYTES}.
 */
export async function prepareImage(file: Blob): Promise<PreparedImage> {
  checkImageFile(file);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    refuse('image_unsupported', 'the file could not be decoded');
  }
  try {
    const natural = { width: bitmap.width, height: bitmap.height };
    if (natural.width === 0 || natural.height === 0) refuse('image_unsupported', 'empty image');
    if (
      STORED_TYPES.includes(file.type) &&
      file.size <= MAX_IMAGE_BYTES &&
      Math.max(natural.width, natural.height) <= MAX_EDGE
    ) {
      return { src: await readAsDataUrl(file), ...natural };
    }
    // Screenshots and diagrams stay sharp as PNG when that fits; photos become JPEG.
    if (file.type === 'image/png' || file.type === 'image/gif' || file.type === 'image/bmp') {
      const size = fitWithin(natural.width, natural.height, MAX_EDGE);
      const png = await encode(bitmap, size, 'image/png');
      if (png !== null && png.size <= MAX_IMAGE_BYTES) {
        return { src: await readAsDataUrl(png), ...size };
      }
    }
    for (const [edge, quality] of STEPS) {
      const size = fitWithin(natural.width, natural.height, edge);
      const jpeg = await encode(bitmap, size, 'image/jpeg', quality);
      if (jpeg !== null && jpeg.size <= MAX_IMAGE_BYTES) {
        return { src: await readAsDataUrl(jpeg), ...size };
      }
    }
    return refuse('image_too_large', 'does not fit even at the smallest size');
  } finally {
    bitmap.close();
  }
}
