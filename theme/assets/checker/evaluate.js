// The symptom checker's rules, with no DOM access: the page script asks it what comes next.
// The build proves these rules safe on every combination of answers (src/Site/Checker), and a test
// runs this file in Jint to check it gives the same result as the C# on each one.
// The levels and their order come with the data (the build's one list, src/Site/Urgency), never from here.

/** The level ids of the data, least urgent first. */
function order(data) {
  return data.levels.slice().sort((a, b) => a.rank - b.rank).map((level) => level.id);
}

/**
 * Given the checker's data and the ids of the answers given so far, in the order the questions were
 * asked, returns { question } for the next question to ask, or { result } with the level reached.
 * An answer at the most urgent level (the emergency) ends the checker at once; otherwise the result is
 * the most urgent level any answer called for ("Not sure" is in the data as each question's most urgent answer).
 */
export function step(data, answerIds) {
  const levels = order(data);
  const rank = (level) => levels.indexOf(level);
  const emergency = levels[levels.length - 1];
  let worst = levels[0];
  for (let i = 0; i < answerIds.length; i++) {
    const question = data.questions[i];
    const answer = question && question.answers.find((a) => a.id === answerIds[i]);
    if (!answer) {
      throw new Error(`"${answerIds[i]}" is not an answer of question ${i + 1}`);
    }
    if (rank(answer.level) < 0) {
      throw new Error(`the answer "${answer.id}" of question ${i + 1} calls for "${answer.level}", which is not a level of the data`);
    }
    if (answer.level === emergency) {
      return { result: emergency };
    }
    if (rank(answer.level) > rank(worst)) {
      worst = answer.level;
    }
  }
  if (answerIds.length < data.questions.length) {
    return { question: data.questions[answerIds.length] };
  }
  return { result: worst };
}
