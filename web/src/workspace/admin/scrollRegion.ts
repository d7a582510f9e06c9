// A wide table scrolls sideways on narrow screens: its scrolling viewport must then be reachable by
// keyboard (WCAG 2.1.1, axe's scrollable-region-focusable) and named, hence a focusable labelled region.
import type { ScrollAreaProps } from "@mantine/core";

export function scrollRegion(label: string): ScrollAreaProps {
  return { viewportProps: { tabIndex: 0, role: "region", "aria-label": label } };
}
