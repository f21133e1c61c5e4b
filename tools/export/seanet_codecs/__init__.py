"""PyTorch implementations of the SEANet-based audio codecs that tools/export/encodec.py, mimi.py and
wavtokenizer.py export: EnCodec 24 kHz, Kyutai's Mimi and WavTokenizer. Written for jointok from the
published architectures; module and parameter names follow the published checkpoints so that their
state dicts load as they are."""
