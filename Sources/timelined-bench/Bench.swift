import ArgumentParser

@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timelined-bench",
        abstract: "Benchmarks of timelined at the scale of a research archive.",
        subcommands: [Generate.self, Measure.self]
    )
}
