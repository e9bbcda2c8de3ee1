export function bundle(outdir: string): Promise<void>;
