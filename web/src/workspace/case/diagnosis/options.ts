// The choices of the diagnosis's lists, from the core's values and French labels: each label starts with a
// capital, as the first word of a list entry does; `empty` first when the answer may stay unsaid.
const capitalise = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

export const options = <V extends string>(
  values: readonly V[],
  labels: Readonly<Record<V, string>>,
  empty?: string,
) => [
  ...(empty === undefined ? [] : [{ value: "", label: empty }]),
  ...values.map((value) => ({ value, label: capitalise(labels[value]) })),
];
