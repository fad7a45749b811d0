// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way:
//   C shims -> Engine / Language / Data / Graphics -> Training -> Bindings -> Notebook -> REPL -> kindling
let package = Package(
    name: "Kindling",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kindling", targets: ["kindling"]),
        .executable(name: "kindling-bench", targets: ["KindlingBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // HMAC-SHA256 for the Jupyter kernel's message signatures; MD5 checks of downloads.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // System libraries (Debian: libreadline-dev, zlib1g-dev). OpenBLAS
        // (libopenblas-dev) is not linked: the engine dlopens it on the first
        // large product, after choosing OPENBLAS_CORETYPE for this CPU, which
        // keeps its ~10 ms of load time out of start-up (see BLASLibrary.swift).
        .systemLibrary(name: "CReadline", path: "Sources/CReadline",
                       providers: [.apt(["libreadline-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // ZeroMQ for the Jupyter kernel (Debian: libzmq3-dev).
        // Its header and library are in the default paths (Debian's libzmq.pc adds -isystem flags SwiftPM refuses).
        .systemLibrary(name: "CZMQ", path: "Sources/CZMQ", providers: [.apt(["libzmq3-dev"])]),

        // Tensors, kernels, autograd, printing. Knows nothing of the language.
        .target(name: "KindlingEngine", dependencies: ["KindlingKernelsAVX2", "KindlingRandomCore"]),
        // Matrix-product micro-kernels compiled for AVX2 + FMA; the engine calls
        // them only after checking the CPU (BLAS/VectorGemm.swift).
        .target(name: "KindlingKernelsAVX2",
                swiftSettings: [.unsafeFlags(["-Xcc", "-mavx2", "-Xcc", "-mfma"])]),
        // The MT19937 core (state, seeding, twist, tempering) that torch's, numpy's and
        // CPython's generators each build their own streams on. No dependencies.
        .target(name: "KindlingRandomCore"),
        // Lexer, parser, AST, compiler, interpreter, values. Knows nothing of tensors.
        .target(name: "KindlingLanguage", dependencies: ["KindlingRandomCore"]),
        // CSV, DataFrame (pandas subset), IDX/MNIST readers, downloads. No tensors, no language.
        .target(name: "KindlingData", dependencies: ["CZlib", "KindlingRandomCore",
                                                  .product(name: "Crypto", package: "swift-crypto")]),
        // Colour maps, PNG, figures, terminal images. No tensors, no language.
        .target(name: "KindlingGraphics", dependencies: ["CZlib"]),
        // nn functional ops, losses, optimizers, DataLoader, Learner on the engine.
        .target(name: "KindlingTraining", dependencies: ["KindlingEngine"]),
        // The torch / fastai / pandas / matplotlib modules seen by scripts.
        .target(name: "KindlingBindings", dependencies: [
            "KindlingEngine", "KindlingLanguage", "KindlingData", "KindlingGraphics", "KindlingTraining",
        ]),
        // The execution session every front end shares, Jupytext cells, replay, transcripts, ipynb/md export.
        .target(name: "KindlingNotebook", dependencies: ["KindlingLanguage", "KindlingGraphics", "KindlingBindings",
                                                             "KindlingEngine", "KindlingData"]),
        // `kindling kernel`: the Jupyter messaging protocol over ZeroMQ, on the notebook session.
        .target(name: "KindlingKernel", dependencies: [
            "CZMQ", "KindlingLanguage", "KindlingNotebook", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The interactive REPL's terminal side (readline, prompts, drawing outputs).
        .target(name: "KindlingREPL", dependencies: ["CReadline", "KindlingNotebook", "KindlingBindings"]),
        .executableTarget(name: "kindling", dependencies: [
            "KindlingREPL", "KindlingNotebook", "KindlingBindings", "KindlingKernel",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "KindlingBench", dependencies: ["KindlingEngine", "KindlingTraining"]),
        // Test helpers: gradient checking, and the conformance scripts' driver (hence the language).
        .target(name: "KindlingTestSupport", dependencies: ["KindlingEngine", "KindlingLanguage"]),
        // Where tests find ../shared (or $KINDLING_SHARED), and the 2,000 real digits kept
        // in the repository for when it is absent. No dependencies.
        .target(name: "KindlingSharedData", resources: [.copy("MNISTSample")]),

        .testTarget(name: "KindlingEngineTests", dependencies: ["KindlingEngine", "KindlingTestSupport", "KindlingRandomCore"]),
        .testTarget(name: "KindlingLanguageTests", dependencies: ["KindlingLanguage", "KindlingTestSupport"],
                    resources: [.copy("Conformance")]),
        .testTarget(name: "KindlingDataTests", dependencies: ["KindlingData", "KindlingSharedData"]),
        .testTarget(name: "KindlingGraphicsTests", dependencies: ["KindlingGraphics"]),
        .testTarget(name: "KindlingTrainingTests", dependencies: ["KindlingTraining", "KindlingTestSupport"]),
        .testTarget(name: "KindlingBindingsTests", dependencies: ["KindlingBindings", "KindlingLanguage", "KindlingSharedData",
                                                                   "KindlingTestSupport"],
                    resources: [.copy("Scripts")]),
        .testTarget(name: "KindlingNotebookTests", dependencies: ["KindlingNotebook"]),
        .testTarget(name: "KindlingKernelTests", dependencies: ["KindlingKernel"]),
        .testTarget(name: "KindlingREPLTests", dependencies: ["KindlingREPL"], exclude: ["Fixtures"]),
        .testTarget(name: "LessonTests", dependencies: ["KindlingNotebook", "KindlingBindings", "KindlingData", "KindlingLanguage",
                                                         "KindlingSharedData"]),
    ],
    swiftLanguageModes: [.v5]
)
