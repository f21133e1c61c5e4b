"""PyTorch implementations of the audio codecs that jointok exports (SNAC, DAC), with their ONNX graphs."""
