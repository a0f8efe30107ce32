/// The second help page (`?` twice): what each panel and metric means, and how to work through a
/// lesson. Paragraphs, wrapped to the dialog's width when shown.
enum ScreenGuide {
  /// The guide's paragraphs, in order; an empty string leaves a blank line.
  static let paragraphs: [String] = [
    "HOW TO WORK THROUGH A LESSON",
    "1. Read the lesson's description (p lists the lessons) and watch the first few hundred steps.",
    "2. Read the status line and d: the findings name what looks wrong, with the numbers behind it.",
    "3. Form a guess, then change one setting (arrows, or Enter to type a value; i applies the "
      + "settings marked *). The chart marks every change.",
    "4. Compare: f forks a second run from the same weights so A and B train side by side (b switches "
      + "the branch you edit and see, F keeps the better one); i and r keep the old run as a ghost.",
    "5. Check the basics: o overfits one batch (a healthy network must pass), L finds a learning rate.",
    "",
    "LOSS CHART",
    "train ema 0.9: the training loss as an exponential moving average, debiased at the start like "
      + "TensorBoard's (m cycles off, 0.6, 0.9, 0.99); the raw batch losses are the faint dots behind it. "
      + "val (dots): the validation loss. A gap that widens while train falls is overfitting.",
    "Dashed lines mark changes; markers too close to label apart collapse into one label: "
      + "\"B l2 0.01 -> 0\" (from the first value to the one in force) for steps of one setting, "
      + "\"3 changes\" otherwise. * marks the best "
      + "validation loss. 1-4: ghosts of earlier runs, labelled with the settings they had that differ; "
      + "an arrow on the edge means a ghost went off the chart. z zooms to recent steps, y log/linear.",
    "",
    "GRADIENT PANEL",
    "Gradient norms: ||dL/dW|| per layer (L1 is the input side) on a log scale; the dotted stretch is "
      + "the healthy band 1e-4..10. ! marks a norm above the band (exploding: lower the learning rate, "
      + "clip). v marks one below the band and 100 times smaller than the largest layer's (vanishing: "
      + "early layers learn nothing; try ReLU, He init, batch norm). ? means NaN or infinite.",
    "Gradient history: each layer's norm over time as shades, light (small) to dark (large), on the "
      + "log scale shown under it; a row fading to blank is a layer that stopped learning.",
    "Layer health: upd/w is the size of a step's update over the size of the weights; about 1e-3 is "
      + "healthy (ok), far below (low) means the learning rate is too low, far above (high) too high. "
      + "act mean/std: the layer's outputs. sat: share of tanh/sigmoid units stuck near +-1 (no "
      + "gradient flows). dead: share of ReLU units that output 0 for every input (they never recover).",
    "",
    "DATA PANEL",
    "Accuracies of training and validation; for 2-D data the decision map: each class's region in its "
      + "colour, solid where the network is sure, medium and light shades where it is unsure or near even, "
      + "the boundary drawn at half a cell (without colour: the class's fill character, dim where unsure, "
      + "blank on the boundary); the points are training data, one glyph per true class, reversed where "
      + "the network gets them wrong. For digits the confusion matrix (rows true, columns predicted, "
      + "darker is more).",
  ]

  /// The guide wrapped to `width` columns.
  static func lines(width: Int) -> [String] {
    paragraphs.flatMap { $0.isEmpty ? [""] : TextWrap.lines($0, width: width) }
  }
}
