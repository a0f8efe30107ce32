extension RunSummary.Status {
  /// The summary's status of a headless run that ended with `status`; a stop caused by a signal or a
  /// closed pipe (`interrupted`) is `interrupted`.
  public init(_ status: RunStatus, interrupted: Bool) {
    switch status {
    case .completed: self = .finished
    case .diverged: self = .diverged
    case .stopped: self = interrupted ? .interrupted : .stopped
    }
  }
}
