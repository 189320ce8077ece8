/** Seg's version, written into locks and shown by --version. */
export const VERSION = "0.1.0";
