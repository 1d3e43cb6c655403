// The symptom checker's rules, with no DOM access: the page script asks it what comes next.
// The build proves these rules safe on every combination of answers (src/Site/Checker), and a test
// runs this file in Jint to check it gives the same result as the C# on each one.
// The levels and their order come with the data (the build's one list, src/Site/Urgency), never from here.

/** The level ids of the data, least urgent first. */
function order(data) {
  return data.levels.slice().sort((a, b) => a.rank - b.rank).map((level) => level.id);
}

/** Whether a question is asked, given the answers so far (a Map of question id to answer id): a follow-up only after the answers its askIf names. */
function isAsked(question, given) {
  const rule = question.askIf;
  return !rule || (given.has(rule.question) && rule.answers.includes(given.get(rule.question)));
}

/** The index of the first question from `from` on that is asked, or the number of questions when none is. */
function nextIndex(data, given, from) {
  let i = from;
  while (i < data.questions.length && !isAsked(data.questions[i], given)) i++;
  return i;
}

/**
 * Replays the answers given so far, in the order the questions were asked: the answers by question id, where the
 * next question is looked for, the most urgent level reached, and whether an emergency answer ended the checker.
 */
function replay(data, answerIds) {
  const levels = order(data);
  const rank = (level) => levels.indexOf(level);
  const emergency = levels[levels.length - 1];
  const given = new Map();
  let from = 0;
  let worst = levels[0];
  for (let i = 0; i < answerIds.length; i++) {
    const at = nextIndex(data, given, from);
    const question = data.questions[at];
    const answer = question && question.answers.find((a) => a.id === answerIds[i]);
    if (!answer) {
      throw new Error(`"${answerIds[i]}" is not an answer of question ${i + 1}`);
    }
    if (rank(answer.level) < 0) {
      throw new Error(`the answer "${answer.id}" of question ${i + 1} calls for "${answer.level}", which is not a level of the data`);
    }
    if (answer.level === emergency) {
      return { given, from: data.questions.length, worst: emergency, ended: true };
    }
    if (rank(answer.level) > rank(worst)) {
      worst = answer.level;
    }
    given.set(question.id, answer.id);
    from = at + 1;
  }
  return { given, from, worst, ended: false };
}

/**
 * Given the checker's data and the ids of the answers given so far, in the order the questions were
 * asked, returns { question } for the next question to ask, or { result } with the level reached.
 * An answer at the most urgent level (the emergency) ends the checker at once; otherwise the result is
 * the most urgent level any answer called for ("Not sure" is in the data as each question's most urgent answer).
 */
export function step(data, answerIds) {
  const { given, from, worst, ended } = replay(data, answerIds);
  if (ended) return { result: worst };
  const at = nextIndex(data, given, from);
  if (at < data.questions.length) {
    return { question: data.questions[at] };
  }
  return { result: worst };
}

/**
 * Where the reader is, given the answers so far: { number } of the next question, and the { most } questions they
 * can be asked in all, { exact } once no follow-up still hangs on an answer to come.
 */
export function progress(data, answerIds) {
  const { given, from } = replay(data, answerIds);
  // For each question: asked (1), not asked (0), or not known yet (2); a follow-up comes after its question.
  const state = new Map();
  let most = answerIds.length;
  let exact = true;
  data.questions.forEach((question, i) => {
    const rule = question.askIf;
    let s;
    if (i < from) s = given.has(question.id) ? 1 : 0;
    else if (!rule) s = 1;
    else if (given.has(rule.question)) s = rule.answers.includes(given.get(rule.question)) ? 1 : 0;
    else s = (state.get(rule.question) || 0) === 0 ? 0 : 2;
    state.set(question.id, s);
    if (i >= from && s > 0) most++;
    if (s === 2) exact = false;
  });
  return { number: answerIds.length + 1, most, exact };
}
