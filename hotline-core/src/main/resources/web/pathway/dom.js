// Small DOM helpers: elements built with text nodes only (no HTML strings, so pathway text cannot inject markup).

export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value === false || value === null || value === undefined) {
      return;
    }
    node.setAttribute(name, value === true ? '' : String(value));
  });
  children.flat(Infinity).forEach((child) => {
    if (child !== null && child !== undefined && child !== '') {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  });
  return node;
}

/** A code such as forced_labour shown as "forced labour". */
export function label(code) {
  return code === null || code === undefined ? '' : String(code).replace(/_/g, ' ');
}

export function time(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

export function list(items) {
  return items && items.length ? items.join(', ') : 'none';
}
