// Entry point: see KindlingCommand.swift.
Kindling.entry(Array(CommandLine.arguments.dropFirst()))
