// KindlingGraphics: pictures for Kindling, with no knowledge of tensors or the language.
//
// Colour/     ColorMap (matplotlib's maps with their exact 256-entry byte tables), Normalization (imshow's
//             vmin/vmax), RGBA, ColorCycle (tab10 and named colours).
// PNG/        PNGEncoder (zlib deflate, CRC-32 from the system zlib), PNGDecoder (for tests and round trips).
// Raster/     Raster (RGBA buffer, antialiased lines, rectangles), BitmapFont (5x9 ASCII font), text drawing.
// Figure/     Figure (figsize, dpi, grid of Axes, suptitle), Axes (imshow, plot, title, labels, legend,
//             axis on/off, limits), PlotSession (pyplot's current figure / axes state), FigureLayout
//             (matplotlib's subplot rectangles), Ticks, FigureRenderer (figure -> raster).
// Terminal/   TerminalCapabilities (protocol detection), TerminalFigureRenderer (figure -> kitty / iTerm2 /
//             sixel escapes, half blocks and braille, plain text), CellCanvas, HalfBlockPicture, BrailleCanvas.
// Inspect/    InspectPicture (small half-block pictures) and TextHistogram, for the REPL's %inspect.
//
// Errors are GraphicsError values carrying the Python exception type and matplotlib's message.
