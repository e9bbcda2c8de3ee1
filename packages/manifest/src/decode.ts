/** Manifests larger than this are not read: no real manifest comes close (5,000 keys is ~1 MB). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Turns a file's bytes into text, or says in words why they are not a manifest. */
export function decodeManifestBytes(bytes: Uint8Array): Decoded {
  const tooLarge = sizeProblem(bytes.byteLength);
  if (tooLarge !== undefined) return { ok: false, message: tooLarge };
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return { ok: false, message: `File looks binary (a NUL byte at offset ${nul}); only text files are read.` };
  }
  try {
    // TextDecoder drops a leading BOM, so positions count from the first real character.
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, message: 'File is not valid UTF-8 text; save it as UTF-8.' };
  }
}

/** Why a file of this size is not read, if it is too large; callers can ask before reading it. */
export function sizeProblem(byteLength: number): string | undefined {
  if (byteLength <= MAX_MANIFEST_BYTES) return undefined;
  return `File is ${formatSize(byteLength)}; files larger than ${formatSize(MAX_MANIFEST_BYTES)} are not read.`;
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
