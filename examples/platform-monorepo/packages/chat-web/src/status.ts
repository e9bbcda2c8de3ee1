import axios from 'axios';

const ngc = axios.create({
  baseURL: 'https://api.ngc.nvidia.com/v2/nvcf',
  headers: { Authorization: `Bearer ${process.env.NVCF_STATUS_KEY}` },
});

export const functions = () => ngc.get('/functions');
