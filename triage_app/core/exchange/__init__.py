"""Bringing a briefing packet's decisions into a library: the import side of packets.

`reimport.apply_packet_member` merges one packet document's relevance, star, tags, note and audit rows;
`reimport_entities.merge_entities` its (corrected) entities and quotes; `report.MergeReport` says what
changed and where the two sides differ. Reading the packet zip itself is ingest's `packet_reader`.
"""
