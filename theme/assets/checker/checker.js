// The symptom checker's page script: shows one question at a time, and the result as a care card.
// Every decision comes from evaluate.js (the rules the build proved safe); this file only draws them.
// Nothing is stored or sent: the answers live in this page's memory, and reloading starts again.
import { step, progress } from './evaluate.js';
import { careCard } from '../care-card.js';

const dataElement = document.getElementById('checker-data');
const app = document.getElementById('checker-app');

if (dataElement && app) {
  start(JSON.parse(dataElement.textContent), app);
}

/** Makes an element with attributes and children (strings become text, never HTML). */
function h(tag, attributes, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === false || value === null || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

function start(data, root) {
  const levels = new Map(data.levels.map((level) => [level.id, level]));

  // The answer ids in the order the questions were asked, up to the question shown. What the reader chose for each
  // question is also kept by the question's id, so a question they come back to shows what they chose before, even
  // when a changed answer has changed which follow-up questions come after it.
  let answers = [];
  const chosenFor = new Map();
  let position = 0; // the question shown, or the last question answered when a result is shown
  let result = null; // the level id once there is a result
  let error = false;

  // The section's heading reads as the layout wrote it while questions are shown, and "Your result" after.
  const sectionHeading = document.getElementById('checker-heading');
  const askingHeading = sectionHeading ? sectionHeading.textContent : '';

  function render(focus) {
    const view = result ? resultView() : questionView();
    root.replaceChildren(view.element);
    if (sectionHeading) sectionHeading.textContent = result ? 'Your result' : askingHeading;
    if (focus && view.focus) {
      view.focus.focus();
    }
  }

  function questionView() {
    const outcome = step(data, answers.slice(0, position));
    const question = outcome.question;
    const chosen = chosenFor.get(question.id);
    const where = progress(data, answers.slice(0, position));
    const describedBy = [];

    const summary = error
      ? h('div', { class: 'checker__error-summary', role: 'alert', tabindex: '-1', 'aria-labelledby': 'checker-error-title' },
          h('h3', { class: 'checker__error-title', id: 'checker-error-title' }, 'There is a problem'),
          h('ul', { class: 'checker__error-list' },
            h('li', null, h('a', { href: '#checker-answer-0' }, 'Select an answer. If you do not know, select "Not sure".'))))
      : null;
    if (summary) {
      summary.querySelector('a').addEventListener('click', (event) => {
        event.preventDefault();
        const first = root.querySelector('#checker-answer-0');
        root.querySelector('.checker__legend').scrollIntoView();
        first.focus();
      });
    }

    let instruction = null;
    if (question.instruction) {
      instruction = h('p', { class: 'checker__instruction', id: 'checker-instruction' }, question.instruction);
      describedBy.push('checker-instruction');
    }
    let help = null;
    if (question.help) {
      help = h('p', { class: 'checker__help', id: 'checker-help' }, question.help);
      describedBy.push('checker-help');
    }
    let message = null;
    if (error) {
      message = h('p', { class: 'checker__error', id: 'checker-error' },
        h('span', { class: 'visually-hidden' }, 'Error: '), 'Select an answer. If you do not know, select "Not sure".');
      describedBy.push('checker-error');
    }

    const heading = h('h3', { class: 'checker__question', id: 'checker-question', tabindex: '-1' },
      h('span', { class: 'checker__progress' }, `Question ${where.number} of ${where.exact ? '' : 'up to '}${where.most}`),
      h('span', { class: 'checker__question-text' }, question.text));

    const choices = h('div', { class: 'checker__answers' },
      question.answers.map((answer, i) =>
        h('div', { class: 'checker__answer' },
          h('input', {
            class: 'checker__radio',
            type: 'radio',
            name: 'answer',
            id: `checker-answer-${i}`,
            value: answer.id,
            checked: answer.id === chosen,
          }),
          h('label', { class: 'checker__label', for: `checker-answer-${i}` }, answer.text))));

    const fieldset = h('fieldset', {
      class: error ? 'checker__fieldset checker__fieldset--error' : 'checker__fieldset',
      'aria-describedby': describedBy.length ? describedBy.join(' ') : null,
    },
    h('legend', { class: 'checker__legend' }, heading),
    instruction, help, message, choices);

    const buttons = h('div', { class: 'checker__buttons' },
      h('button', { type: 'submit', class: 'checker__button' }, 'Continue'));
    if (position > 0) {
      const back = h('button', { type: 'button', class: 'checker__button checker__button--secondary' }, 'Back');
      back.addEventListener('click', () => {
        remember(form, question);
        position -= 1;
        error = false;
        render(true);
      });
      const again = h('button', { type: 'button', class: 'checker__button checker__button--link' }, 'Start again');
      again.addEventListener('click', startAgain);
      buttons.append(back, again);
    }

    const form = h('form', { class: 'checker__form', novalidate: true },
      summary, fieldset, buttons);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = selected(form);
      if (!value) {
        error = true;
        render(false);
        root.querySelector('.checker__error-summary').focus();
        return;
      }
      answers = answers.slice(0, position).concat(value);
      chosenFor.set(question.id, value);
      error = false;
      const next = step(data, answers.slice(0, position + 1));
      if (next.result) {
        result = next.result;
      } else {
        position += 1;
      }
      render(true);
    });

    return { element: form, focus: heading };
  }

  function resultView() {
    const level = levels.get(result);
    const content = [
      h('p', { class: 'checker__advice' }, level.advice),
      h('h4', { class: 'checker__subheading' }, 'If things get worse'),
      h('p', { class: 'checker__if-worse' }, level.ifWorse),
    ];
    if (level.links.length) {
      content.push(
        h('h4', { class: 'checker__subheading' }, 'More advice'),
        h('ul', { class: 'checker__links' }, level.links.map((link) => h('li', null, h('a', { href: link.url }, link.title)))));
    }
    const card = careCard(level, { heading: 'h3', className: 'checker__result', headingAttributes: { id: 'checker-result', tabindex: '-1' } }, ...content);
    const heading = card.querySelector('#checker-result');

    const change = h('button', { type: 'button', class: 'checker__button' }, 'Change my answers');
    change.addEventListener('click', () => {
      result = null; // back to the last question answered, with that answer chosen
      render(true);
    });
    const again = h('button', { type: 'button', class: 'checker__button checker__button--link' }, 'Start again');
    again.addEventListener('click', startAgain);

    const element = h('div', { class: 'checker__outcome' },
      card,
      h('p', { class: 'checker__note' }, 'This result comes from your answers. It does not tell you what condition you have. If you feel very unwell, get help whatever the checker says.'),
      h('div', { class: 'checker__buttons' }, change, again));
    return { element, focus: heading };
  }

  function startAgain() {
    answers = [];
    chosenFor.clear();
    position = 0;
    result = null;
    error = false;
    render(true);
  }

  /** Keeps an answer chosen but not yet sent with Continue, for when the reader comes back to it. */
  function remember(form, question) {
    const value = selected(form);
    if (value) chosenFor.set(question.id, value);
  }

  render(false);
}

function selected(form) {
  const checked = form.querySelector('input[name="answer"]:checked');
  return checked ? checked.value : '';
}
