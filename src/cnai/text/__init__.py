"""Stage 2, text: jieba with the project dictionary and stop words; segmentation, keywords and topics."""
