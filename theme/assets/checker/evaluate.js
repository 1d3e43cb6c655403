// The symptom checker's rules, with no DOM access: the page script asks it what comes next.
// The build proves these rules safe on every combination of answers (src/Site/Checker), and a test
// runs this file in Jint to check it gives the same result as the C# on each one.

export const LEVELS = ["self-care", "clinician", "urgent", "emergency"];

const rank = (level) => LEVELS.indexOf(level);

/**
 * Given the checker's data and the ids of the answers given so far, in the order the questions were
 * asked, returns { question } for the next question to ask, or { result } with the level reached.
 * An emergency answer ends the checker at once; otherwise the result is the most urgent level any
 * answer called for ("Not sure" is in the data as each question's most urgent answer).
 */
export function step(data, answerIds) {
  let worst = LEVELS[0];
  for (let i = 0; i < answerIds.length; i++) {
    const question = data.questions[i];
    const answer = question && question.answers.find((a) => a.id === answerIds[i]);
    if (!answer) {
      throw new Error(`"${answerIds[i]}" is not an answer of question ${i + 1}`);
    }
    if (answer.level === "emergency") {
      return { result: "emergency" };
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
