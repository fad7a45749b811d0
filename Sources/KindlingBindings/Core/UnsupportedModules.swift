/// Packages a learner's code imports that Kindling does not provide: importing one raises
/// ModuleNotFoundError saying so, instead of CPython's bare "No module named ...", which would
/// suggest a missing `pip install`.
enum UnsupportedModules {
    /// Top-level packages of the PyData / deep-learning world and standard-library modules Kindling
    /// lacks; `partlySupported` lists the packages of which Kindling has some modules
    /// (any submodule of these that is not registered is refused with the same note).
    static let known: Set<String> = [
        "sklearn", "scipy", "torchvision", "torchaudio", "torchtext", "torchdata", "ipywidgets", "IPython",
        "PIL", "cv2", "skimage", "sympy", "seaborn", "plotly", "bokeh", "statsmodels", "tensorflow", "keras",
        "jax", "flax", "transformers", "datasets", "tokenizers", "timm", "accelerate", "fastbook", "fastcore",
        "fastprogress", "fastdownload", "kaggle", "tqdm", "numba", "sentencepiece", "spacy", "nltk", "gradio",
        "xgboost", "lightgbm", "catboost", "dtreeviz", "graphviz", "wandb", "tensorboard", "h5py", "pyarrow",
        "polars", "requests", "bs4", "duckduckgo_search", "ddgs", "huggingface_hub", "safetensors", "einops",
        "micrograd", "networkx", "imageio", "zipfile", "tarfile", "pickle", "json", "csv", "collections",
        "itertools", "functools", "typing", "dataclasses", "re", "glob", "shutil", "subprocess", "urllib",
        "gzip", "copy", "inspect", "warnings", "contextlib", "abc", "enum", "types", "numbers", "textwrap",
        "datetime", "statistics", "heapq", "bisect", "struct", "io", "tempfile", "threading", "multiprocessing",
        "logging", "argparse", "hashlib", "base64", "uuid", "decimal", "fractions", "pprint", "timeit",
    ]
    static let partlySupported: Set<String> = ["torch", "numpy", "fastai", "pandas", "matplotlib"]

    /// The note for a module that could not be found, or nil for names Kindling knows nothing of.
    static func note(for name: String) -> String? {
        let top = String(name.split(separator: ".").first ?? Substring(name))
        if known.contains(top) || partlySupported.contains(top) { return "\(name) is not supported by Kindling" }
        return nil
    }
}
