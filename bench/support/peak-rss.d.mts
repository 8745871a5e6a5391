/** The process's own peak resident memory, in MB. */
export function peakRssMB(): number;
