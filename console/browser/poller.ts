/**
 * Loads a view again every `intervalMs` while it is on screen — a monitor going down, a delivery
 * failing, happen without anyone clicking — and stops when the view is left, its form is open or the
 * browser tab is hidden. `kick()` after every load (the next one is timed from its end).
 */
export function createPoller(isShowing: () => boolean, load: () => Promise<unknown>, intervalMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const kick = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (isShowing() && document.visibilityState === 'visible') void load();
      else kick();
    }, intervalMs);
  };
  return { kick };
}
