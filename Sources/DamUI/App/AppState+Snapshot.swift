import DamTraining

extension AppState {
  /// The events that bring the snapshot-derived parts of the state up to date with `snapshot`: its
  /// findings and recorded changes (which the findings dialog lists and scrolls) and whether the data panel is in use.
  ///
  /// The main loop feeds these to `reduce(_:_:)` with each new snapshot; an empty list means nothing
  /// changed. Whether the data panel is in use is known from the first evaluation on (a run with
  /// accuracies, a decision map or a confusion matrix uses it); until then the preset's guess stands.
  public func events(following snapshot: Snapshot) -> [InputEvent] {
    var events: [InputEvent] = []
    if snapshot.findings != findings { events.append(.findings(snapshot.findings)) }
    if snapshot.history.markers != changes { events.append(.changes(snapshot.history.markers)) }
    if let observation = lessonObservation(following: snapshot) { events.append(.lessonObserved(observation)) }
    if initializationIsStale(following: snapshot) { events.append(.initializationInputsChanged) }
    if let evaluation = snapshot.evaluation {
      let inUse = evaluation.validationAccuracy != nil || snapshot.decisionMap != nil || snapshot.confusion != nil
      if inUse != dataPanelInUse { events.append(.dataPanel(inUse: inUse)) }
    }
    return events
  }
}
