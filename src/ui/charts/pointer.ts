/**
 * Pointer position in the chart's own (viewBox) coordinates. The SVG may be scaled by CSS, so the
 * client offset is divided by the rendered/viewBox ratio. Where layout is absent (happy-dom, jsdom)
 * the bounding box is empty and client coordinates are used as they are, which keeps tests exact.
 */
export function svgPoint(
  event: { clientX: number; clientY: number },
  svg: SVGSVGElement | null,
  viewBox: { width: number; height: number },
): { x: number; y: number } {
  const r = svg?.getBoundingClientRect();
  if (!r || !(r.width > 0) || !(r.height > 0))
    return { x: event.clientX - (r?.left ?? 0), y: event.clientY - (r?.top ?? 0) };
  return {
    x: ((event.clientX - r.left) * viewBox.width) / r.width,
    y: ((event.clientY - r.top) * viewBox.height) / r.height,
  };
}

/** Capture keeps a drag alive when the pointer leaves the overlay; not every DOM implements it. */
export function capturePointer(el: Element, pointerId: number): void {
  try {
    el.setPointerCapture?.(pointerId);
  } catch {
    // Synthetic events carry ids the DOM does not know; a drag then simply ends at the overlay edge.
  }
}

export function releasePointer(el: Element, pointerId: number): void {
  try {
    if (el.hasPointerCapture?.(pointerId)) el.releasePointerCapture(pointerId);
  } catch {
    // See capturePointer.
  }
}
