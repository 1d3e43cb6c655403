// A care card, drawn by the browser scripts the way the build writes one (src/Site/Markdown/CareCards/CareCardHtml.cs):
// div.care-card.care-card--KIND, a heading that starts with the level in words and a colon, then div.care-card__content.
// Every text is put in as text, never parsed as HTML.

/** Makes an element with attributes and children; strings become text nodes. */
function el(tag, attributes, children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

/**
 * The card for a level from the build's data ({ card, label }), headed "label: title".
 * `heading` is the heading's tag ('h3', or 'p' where a heading would break the page's outline),
 * `className` more classes for the card, `headingAttributes` more attributes for the heading (an id, a tabindex).
 * The content is elements or strings, put in the card's content in order.
 */
export function careCard({ card, label, title }, { heading = 'h3', className = null, headingAttributes = {} } = {}, ...content) {
  return el('div', { class: `care-card care-card--${card}${className ? ' ' + className : ''}` }, [
    el(heading, { class: 'care-card__heading', ...headingAttributes }, [
      el('span', { class: 'care-card__level' }, [`${label}:`]),
      ` ${title}`,
    ]),
    el('div', { class: 'care-card__content' }, content),
  ]);
}
