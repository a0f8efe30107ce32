import DamTraining

extension AppState {
  /// The observation `snapshot` brings the lesson, when the preset has one and it has a new evaluation, or
  /// when the run reached the end stop.
  func lessonObservation(following snapshot: Snapshot) -> LessonObservation? {
    let atEnd = lesson.stopsAtEnd && snapshot.status == .paused && snapshot.step >= preset.run.steps
    let newEvaluation =
      !preset.lesson.isEmpty && snapshot.evaluation != nil && snapshot.evaluation != lesson.evaluation
    guard newEvaluation || (atEnd && !lesson.hasEnded) else { return nil }
    return LessonObservation(
      step: snapshot.step, evaluation: snapshot.evaluation, findings: snapshot.findings,
      bestLoss: snapshot.bestValidation?.loss, bestStep: snapshot.bestValidation?.step, atEnd: atEnd)
  }

  /// Takes in what a snapshot showed; at the end stop, opens the card on the summary.
  mutating func observe(_ observation: LessonObservation) {
    lesson.step = observation.step
    if let evaluation = observation.evaluation, evaluation != lesson.evaluation {
      lesson.evaluation = evaluation
      lesson.progress.observe(step: evaluation.step, findings: observation.findings)
    }
    lesson.bestLoss = observation.bestLoss
    lesson.bestStep = observation.bestStep
    if observation.atEnd && !lesson.hasEnded {
      lesson.hasEnded = true
      lesson.isCardShown = true
      runState = .paused
      show("the lesson reached run.steps (\(preset.run.steps)): Space trains on without stopping again")
    }
  }

  /// `t`: shows or hides the lesson card.
  /// Hides the lesson card, which covers the gradient panel, when a key asks for that panel; returns
  /// whether the card was showing.
  mutating func revealGradientPanel() -> Bool {
    guard lesson.isCardShown else { return false }
    lesson.isCardShown = false
    show("lesson card hidden to show the panel under it (t shows it again)")
    return true
  }

  mutating func toggleLessonCard() {
    lesson.isCardShown.toggle()
    show(lesson.isCardShown ? "lesson card shown (t hides it)" : "lesson card hidden (t shows it)")
  }

  /// Keys 1-9 on the card: applies the lesson's try `number` as recorded changes to the edited branch.
  mutating func applyLessonTry(_ number: Int) -> [Effect] {
    guard lesson.isCardShown else {
      show("t shows the lesson card; its number keys apply what it suggests")
      return []
    }
    let tries = preset.lesson.tries
    guard tries.indices.contains(number - 1) else {
      show(
        tries.isEmpty
          ? "this preset suggests nothing to try" : "the lesson suggests \(tries.count) tries (1-\(tries.count))")
      return []
    }
    let entry = tries[number - 1]
    lesson.progress.judge(from: lesson.step)
    show("try \(number): \(entry.summary)")
    return recordedChanges(entry.settings, reinitialize: entry.reinitialize)
  }
}
