// A rate in basis points as French readers write it (150 → "1,50 %"), computed on integers.
export function frenchRate(basisPoints: number): string {
  return `${Math.trunc(basisPoints / 100)},${String(basisPoints % 100).padStart(2, "0")} %`;
}
