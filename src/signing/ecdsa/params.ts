/**
 * Parameters of our DKLs23 instantiation (PROTOCOLS.md §2.1, after sl-crypto `params.rs`):
 * λ_c = 256 base OTs per ordered pair, SoftSpokenOT with k = 4 (64 blocks of 16 seeds),
 * ξ = κ + 2λ_s = 512 multiplication OTs plus 128 check OTs (KOS), and OT width l + ρ = 2 + 1.
 * @module
 */

/** κ: width of the OT-extension correlation, and the number of base OTs per ordered pair. */
export const KAPPA = 256;
/** SoftSpokenOT k: bits of Δ per block, base OTs per PPRF tree. */
export const K = 4;
/** Leaves per all-but-one PPRF tree (2^k). */
export const LEAVES = 1 << K;
/** Blocks (PPRF trees) per ordered pair: κ / k. */
export const BLOCKS = KAPPA / K;
/** ξ: OTs consumed by one multiplication. */
export const XI = 512;
/** λ_s-sized block of random OTs that only serves the consistency check. */
export const CHECK_BITS = 128;
/** Extended OTs per multiplication: ξ + check block. */
export const ROWS = XI + CHECK_BITS;
/** One column of the extension matrix: ROWS bits. */
export const COLUMN_BYTES = ROWS / 8;
/** l: products per multiplication (r_i and sk_i). */
export const PRODUCTS = 2;
/** OT width l + ρ (ρ = 1 check column). */
export const WIDTH = PRODUCTS + 1;
/** Seeds, PRG keys and OT keys. */
export const SEED_BYTES = 32;
export const SCALAR_BYTES = 32;
export const POINT_BYTES = 33;
