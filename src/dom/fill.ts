/**
 * Putting a value into an input so that the page's framework takes it. React keeps its own copy of
 * an input's value and ignores `input.value = x`; it reads values set through the prototype's
 * setter followed by an `input` event. Knockout's value binding updates its model on `change`.
 */
export function setFrameworkValue(input: HTMLInputElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  input.focus();
  if (setter) {
    setter.call(input, value);
  } else {
    input.value = value;
  }

  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  input.blur();
}
