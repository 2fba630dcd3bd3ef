"""What every role shares and nothing else: settings, the input-error shape, the YAML loader, ISO dates, the vocabulary.

Standard library and PyYAML only, so that every other package (the pure ones
included) may import it without pulling in orchestration or storage.
"""
